package io.socketlab.shell;

import io.socketlab.course.Course;
import io.socketlab.course.Lesson;
import io.socketlab.demo.Demo;
import io.socketlab.demo.Demos;
import io.socketlab.demo.live.LiveDemo;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import io.socketlab.progress.ProgressStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.LineReader;

/** {@code run [NAME]} and {@code demo NAME} in the shell: the chapter's live server and client. */
public final class DemoExtension implements Shell.Extension {
    private final Course course;
    private final boolean color;
    private final ProgressStore store;
    private final List<LiveDemo.SideCommand> insideDemos;

    /** Demos of {@code course} run here are recorded in {@code store}. */
    public DemoExtension(Course course, boolean color, ProgressStore store) {
        this(course, color, store, List.of());
    }

    /** As {@link #DemoExtension(Course, boolean, ProgressStore)}; running demos also take {@code insideDemos} (the sockets view). */
    public DemoExtension(Course course, boolean color, ProgressStore store, List<LiveDemo.SideCommand> insideDemos) {
        this.course = course;
        this.color = color;
        this.store = store;
        this.insideDemos = List.copyOf(insideDemos);
    }

    @Override
    public Map<String, String> commands(Lang lang) {
        Messages messages = Messages.of("shell", lang);
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("run", messages.get("help.run"));
        commands.put("demo", messages.get("help.demo", messages.list(Demos.ids())));
        return commands;
    }

    /** The numbers of the course's chapters that have a live demo, in order. */
    private List<String> chaptersWithDemos(Lang lang) {
        return course.lessons(lang).stream().filter(l -> !l.demos().isEmpty()).map(l -> String.valueOf(l.number())).toList();
    }

    @Override
    public List<String> arguments(String command, Lesson lesson) {
        return command.equals("run") ? lesson.demos() : new ArrayList<>(Demos.ids());
    }

    @Override
    public void run(String command, List<String> args, Lesson lesson, LineReader reader, Lang lang) {
        Messages messages = Messages.of("shell", lang);
        String id;
        if (!args.isEmpty()) {
            id = args.get(0);
        } else if (command.equals("run") && !lesson.demos().isEmpty()) {
            id = lesson.demos().get(0);
            if (lesson.demos().size() > 1) {
                reader.printAbove(messages.get("run.several", messages.list(lesson.demos()), id));
            }
        } else {
            reader.printAbove(command.equals("run")
                    ? messages.get("run.none", messages.list(Demos.ids()), messages.list(chaptersWithDemos(lang)))
                    : messages.get("demo.usage", messages.list(Demos.ids())));
            return;
        }
        Optional<Demo> demo = Demos.find(id);
        if (demo.isEmpty()) {
            reader.printAbove(messages.get("demo.unknown", id, messages.list(Demos.ids())));
            return;
        }
        store.update(progress -> progress.markRun(id));
        demo.get().runLive(reader, lang, color, insideDemos);
    }
}
