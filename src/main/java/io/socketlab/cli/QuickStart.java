package io.socketlab.cli;

import io.socketlab.i18n.Lang;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The command lines a learner types most, {@code socketlab}, {@code socketlab read N} and
 * {@code socketlab check [EXERCISE]}, parsed without picocli, whose reading of the commands'
 * annotations costs more than the JVM's own start. Only the plainest forms are taken: the global
 * options ({@code --lang}, {@code --plain}, {@code --course}) each at most once, for {@code read} a
 * chapter number and {@code --width}, for {@code check} an exercise that does not start with a dash.
 * Anything else (help, a repeated option, a bad value, {@code --opt=value}) returns null and is
 * parsed by picocli, which gives the same result and says what was wrong. CliTest's
 * {@code quickStartReadsLikePicocli} holds the two parsers to the same meaning. The launcher's
 * {@code warmup --reading} is taken too, so that picocli stays out of the archive it records.
 */
final class QuickStart {
    private QuickStart() {
    }

    /** The command {@code args} name, set up as picocli would, or null when picocli must parse them. */
    static Callable<Integer> command(Main main, String[] args) {
        Lang lang = null;
        boolean plain = false;
        Path course = null;
        String verb = null;
        Integer chapter = null;
        Integer width = null;
        String exercise = null;
        boolean warmupReading = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--lang" -> {
                    if (lang != null || i + 1 >= args.length) {
                        return null;
                    }
                    lang = Lang.parse(args[++i]);
                    if (lang == null) {
                        return null;
                    }
                }
                case "--plain" -> {
                    if (plain) {
                        return null;
                    }
                    plain = true;
                }
                case "--course" -> {
                    if (i + 1 >= args.length || course != null || args[i + 1].startsWith("-")) {
                        return null;
                    }
                    try {
                        course = Path.of(args[++i]);
                    } catch (InvalidPathException e) {
                        return null;
                    }
                }
                case "--width" -> {
                    if (!"read".equals(verb) || width != null || i + 1 >= args.length) {
                        return null;
                    }
                    width = number(args[++i]);
                    if (width == null) {
                        return null;
                    }
                }
                case "--reading" -> {
                    if (!"warmup".equals(verb) || warmupReading) {
                        return null;
                    }
                    warmupReading = true;
                }
                default -> {
                    if (verb == null && (arg.equals("read") || arg.equals("check") || arg.equals("warmup"))) {
                        verb = arg;
                    } else if ("check".equals(verb) && exercise == null && !arg.startsWith("-")) {
                        exercise = arg;
                    } else if ("read".equals(verb) && chapter == null && number(arg) != null) {
                        chapter = number(arg);
                    } else {
                        return null;
                    }
                }
            }
        }
        if ("warmup".equals(verb) && !warmupReading) {
            return null; // the other warm-ups record picocli's classes too: picocli parses them
        }
        // set only once the whole line is known to be ours: picocli must start from a clean slate
        main.options.lang = lang;
        main.options.plain = plain;
        main.options.course = course;
        if (verb == null) {
            return () -> new ShellCommand(main).call();
        }
        if (verb.equals("warmup")) {
            // the launcher's recording of the cache of read and the shell, which picocli must stay out of
            WarmupCommand warmup = new WarmupCommand();
            warmup.main = main;
            warmup.reading = true;
            return warmup;
        }
        if (verb.equals("check")) {
            CheckCommand check = new CheckCommand();
            check.parent = main;
            check.exerciseName = exercise;
            return check;
        }
        ReadCommand read = new ReadCommand();
        read.main = main;
        read.chapter = chapter;
        read.width = width;
        return read;
    }

    /** A whole number of at most nine digits, or null. */
    private static Integer number(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.valueOf(text);
    }
}
