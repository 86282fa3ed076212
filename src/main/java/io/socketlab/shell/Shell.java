package io.socketlab.shell;

import io.socketlab.course.Course;
import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Includes;
import io.socketlab.course.Lesson;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import io.socketlab.practice.ExerciseList;
import io.socketlab.progress.Progress;
import io.socketlab.progress.ProgressStore;
import io.socketlab.render.LessonRenderer;
import io.socketlab.render.RenderOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The interactive course: shows the current chapter, then reads commands (next, prev, list, go N,
 * help, quit...) with completion and history until the learner leaves. Progress is saved after
 * every move, so closing the terminal loses nothing; the chapter on screen is the shell's own, and
 * everything else is read from the progress file when needed, so records made by other SocketLab
 * processes meanwhile are seen and kept.
 */
public final class Shell {
    /** What the shell needs besides the course: where history lives, how to draw. */
    public record Settings(boolean color, boolean ascii, Path historyFile) {
    }

    /** A command the shell understands beyond navigation, supplied by other parts (demos, exercises). */
    public interface Extension {
        /** Command names with their help line, in the order help shows them. */
        Map<String, String> commands(Lang lang);

        /** Completion candidates for the argument of {@code command}. */
        List<String> arguments(String command, Lesson lesson);

        /** Runs {@code command}; output goes through {@code reader} (printAbove is safe from other threads). */
        void run(String command, List<String> args, Lesson lesson, LineReader reader, Lang lang);

        /** Called once when the shell ends: releases what the extension holds, such as a waiting JVM. */
        default void close() {
        }
    }

    private final Terminal terminal;
    private final Course course;
    private final ProgressStore store;
    private final Settings settings;
    private final List<Extension> extensions;
    private Lang lang;
    private Messages messages;
    private LineReader reader;
    /** The chapter on screen. */
    private int chapter;

    public Shell(Terminal terminal, Course course, Lang lang, ProgressStore store,
                 Settings settings, List<Extension> extensions) {
        this.terminal = terminal;
        this.course = course;
        this.store = store;
        this.settings = settings;
        this.extensions = List.copyOf(extensions);
        setLang(lang);
    }

    private void setLang(Lang lang) {
        this.lang = lang;
        this.messages = Messages.of("shell", lang);
    }

    /** Runs until quit or Ctrl-D; returns the exit code (0). */
    public int run() {
        reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("socketlab")
                .completer(new ShellCompleter())
                .variable(LineReader.HISTORY_FILE, settings.historyFile())
                .variable(LineReader.HISTORY_SIZE, 500)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        Progress stored = store.load();
        chapter = course.lesson(lang, stored.currentChapter()).isPresent() ? stored.currentChapter() : course.firstChapter();
        boolean returning = !stored.chaptersRead().isEmpty();
        println(new AttributedString(returning
                ? messages.get("welcome.back", chapter)
                : messages.get("welcome"), style(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN))));
        show(chapter);
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt());
            } catch (UserInterruptException e) {
                println(new AttributedString(messages.get("interrupt"), dim()));
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            if (!dispatch(line.strip())) {
                break;
            }
        }
        extensions.forEach(Extension::close);
        println(new AttributedString(messages.get("bye"), dim()));
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            // History is a convenience; losing it must not stop the learner from leaving.
        }
        return 0;
    }

    /** Handles one command line; false when the learner leaves. */
    boolean dispatch(String line) {
        if (line.isEmpty()) {
            return true;
        }
        String[] words = line.split("\\s+");
        String command = words[0].toLowerCase(Locale.ROOT);
        List<String> args = List.of(words).subList(1, words.length);
        if (command.chars().allMatch(Character::isDigit)) {
            go(command);
            return true;
        }
        switch (command) {
            case "quit", "exit", "q" -> {
                return false;
            }
            case "next", "n" -> move(+1);
            case "prev", "previous", "p", "back" -> move(-1);
            case "read", "r", "show" -> show(chapter);
            case "list", "l", "ls" -> list();
            case "go", "goto" -> {
                if (args.isEmpty()) {
                    println(new AttributedString(messages.get("go.usage", course.firstChapter(), course.lastChapter())));
                } else {
                    go(args.get(0));
                }
            }
            case "lang" -> lang(args);
            case "help", "h", "?" -> help();
            default -> {
                for (Extension extension : extensions) {
                    if (extension.commands(lang).containsKey(command)) {
                        runStoppably(() -> extension.run(command, args, currentLesson(), reader, lang));
                        return true;
                    }
                }
                unknown(command);
            }
        }
        return true;
    }

    /**
     * Runs a command that may take a while (a check, a demo) so that Ctrl-C stops the command and
     * not the course: outside readLine the terminal's default for Ctrl-C would end the JVM. The
     * command sees an interrupt (a check then ends its test JVM and says it was stopped).
     */
    private void runStoppably(Runnable command) {
        Thread worker = Thread.currentThread();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> worker.interrupt());
        try {
            command.run();
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            // a Ctrl-C that came as the command was finishing must not stop the next one
            Thread.interrupted();
        }
    }

    private Lesson currentLesson() {
        return course.lesson(lang, chapter).orElseThrow();
    }

    private void move(int delta) {
        List<Lesson> lessons = course.lessons(lang);
        int index = indexOf(chapter);
        int target = index + delta;
        if (target < 0) {
            println(new AttributedString(messages.get("first"), dim()));
        } else if (target >= lessons.size()) {
            println(new AttributedString(messages.get("last"), dim()));
        } else {
            show(lessons.get(target).number());
        }
    }

    private int indexOf(int number) {
        List<Lesson> lessons = course.lessons(lang);
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).number() == number) {
                return i;
            }
        }
        return 0;
    }

    private void go(String arg) {
        int number;
        try {
            number = Integer.parseInt(arg);
        } catch (NumberFormatException e) {
            number = course.lessons(lang).stream().filter(l -> l.slug().equals(arg) || l.id().equals(arg))
                    .mapToInt(Lesson::number).findFirst().orElse(-1);
        }
        if (course.lesson(lang, number).isEmpty()) {
            println(new AttributedString(messages.get("go.usage", course.firstChapter(), course.lastChapter())));
            return;
        }
        show(number);
    }

    private void show(int number) {
        Lesson lesson = course.lesson(lang, number).orElseThrow();
        chapter = number;
        store.update(progress -> {
            progress.setCurrentChapter(number);
            progress.markRead(number);
        });
        RenderOptions options = RenderOptions.of(terminal.getWidth(), settings.color(), settings.ascii());
        LessonRenderer renderer = new LessonRenderer(options, new Includes(course.root()));
        List<AttributedString> lines = renderer.render(lesson, Messages.of("render", lang));
        try {
            new Pager(terminal).show(lines, lesson.title());
        } catch (IOException e) {
            lines.forEach(this::println);
        }
        int last = course.lessons(lang).size();
        int position = indexOf(number) + 1;
        String footer = messages.get(position == last ? "footer.last" : "footer", number, course.lastChapter(), lesson.title());
        println(new AttributedString(footer, dim()));
    }

    /** Chapters and exercises with their marks, as {@code ./socketlab list} shows them. */
    private void list() {
        Progress stored = store.load();
        println(new AttributedString(messages.get("list.chapters"), style(AttributedStyle.BOLD)));
        for (Lesson lesson : course.lessons(lang)) {
            println(new AttributedString(ChapterList.line(lesson, chapter, stored, !settings.color())));
        }
        List<Exercise> exercises = ExerciseLoader.load(course.root(), new ArrayList<>());
        if (!exercises.isEmpty()) {
            println(new AttributedString(messages.get("list.exercises"), style(AttributedStyle.BOLD)));
            ExerciseList.lines(exercises, stored, stored.currentExercise(), !settings.color(), lang)
                    .forEach(line -> println(new AttributedString(line)));
        }
    }

    private void lang(List<String> args) {
        Lang chosen = args.isEmpty() ? null : Lang.parse(args.get(0));
        if (chosen == null) {
            println(new AttributedString(messages.get("lang.usage")));
            return;
        }
        setLang(chosen);
        store.update(progress -> progress.setLanguage(chosen.code()));
        println(new AttributedString(messages.get("lang.changed"), dim()));
        show(chapter);
    }

    private void help() {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("read", messages.get("help.read"));
        commands.put("next", messages.get("help.next"));
        commands.put("prev", messages.get("help.prev"));
        commands.put("list", messages.get("help.list"));
        commands.put("go N", messages.get("help.go"));
        for (Extension extension : extensions) {
            commands.putAll(extension.commands(lang));
        }
        commands.put("lang en|zh", messages.get("help.lang"));
        commands.put("help", messages.get("help.help"));
        commands.put("quit", messages.get("help.quit"));
        println(new AttributedString(messages.get("help.title"), style(AttributedStyle.BOLD)));
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(4) + 2;
        for (Map.Entry<String, String> e : commands.entrySet()) {
            AttributedStringBuilder sb = new AttributedStringBuilder();
            sb.append("  ");
            sb.styled(style(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)), String.format("%-" + width + "s", e.getKey()));
            sb.append(e.getValue());
            println(sb.toAttributedString());
        }
        println(new AttributedString(messages.get("help.keys"), dim()));
    }

    private void unknown(String command) {
        String best = Suggestions.closest(command, allCommands());
        println(new AttributedString(best == null ? messages.get("unknown", command) : messages.get("unknown.suggest", command, best)));
    }

    private List<String> allCommands() {
        List<String> names = new ArrayList<>(List.of("read", "next", "prev", "list", "go", "lang", "help", "quit"));
        extensions.forEach(e -> names.addAll(e.commands(lang).keySet().stream().map(k -> k.split(" ")[0]).toList()));
        return names;
    }

    private String prompt() {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        sb.styled(style(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)), "socketlab");
        sb.append(" ");
        sb.styled(dim(), messages.get("prompt", chapter, course.lastChapter()));
        sb.append(settings.ascii() ? " > " : " › ");
        return sb.toAnsi(terminal);
    }

    private AttributedStyle style(AttributedStyle style) {
        return settings.color() ? style : AttributedStyle.DEFAULT;
    }

    private AttributedStyle dim() {
        return style(AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT));
    }

    private void println(AttributedString line) {
        PrintWriter writer = terminal.writer();
        writer.println(settings.color() ? line.toAnsi(terminal) : line.toString());
        writer.flush();
    }

    private final class ShellCompleter implements Completer {
        @Override
        public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
            if (line.wordIndex() == 0) {
                for (String name : allCommands()) {
                    candidates.add(new Candidate(name));
                }
                return;
            }
            String command = line.words().get(0).toLowerCase(Locale.ROOT);
            if (command.equals("go") || command.equals("goto")) {
                for (Lesson lesson : course.lessons(lang)) {
                    candidates.add(new Candidate(String.valueOf(lesson.number()), lesson.number() + "  " + lesson.title(), null, null, null, null, true));
                }
            } else if (command.equals("lang")) {
                for (Lang l : Lang.values()) {
                    candidates.add(new Candidate(l.code()));
                }
            } else {
                for (Extension extension : extensions) {
                    if (extension.commands(lang).keySet().stream().anyMatch(k -> k.split(" ")[0].equals(command))) {
                        extension.arguments(command, currentLesson()).forEach(a -> candidates.add(new Candidate(a)));
                    }
                }
            }
        }
    }
}
