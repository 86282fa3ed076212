package io.socketlab.cli;

import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import io.socketlab.shell.Suggestions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code socketlab} command: with no verb it opens the interactive course. */
@Command(name = "socketlab", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "SocketLab 0.1.0",
        description = "A terminal course on TCP and UDP sockets in Java.%n"
                + "With no command, opens the course where you left off.")
public final class Main implements Callable<Integer> {
    /**
     * The subcommands by name, in the order help lists them. picocli reads a command's
     * annotations when it is added, which takes longer than the JVM's own start, so a command
     * line adds only the subcommand it runs (all of them for help, {@code help COMMAND} or a
     * misspelt name).
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("list", ListCommand.class);
        SUBCOMMANDS.put("read", ReadCommand.class);
        SUBCOMMANDS.put("warmup", WarmupCommand.class);
        SUBCOMMANDS.put("demo", DemoCommand.class);
        SUBCOMMANDS.put("serve", ServeCommand.class);
        SUBCOMMANDS.put("connect", ConnectCommand.class);
        SUBCOMMANDS.put("check", CheckCommand.class);
        SUBCOMMANDS.put("hint", HintCommand.class);
        SUBCOMMANDS.put("solution", SolutionCommand.class);
        SUBCOMMANDS.put("reset", ResetCommand.class);
        SUBCOMMANDS.put("watch", WatchCommand.class);
        SUBCOMMANDS.put("validate", ValidateCommand.class);
        SUBCOMMANDS.put("release", ReleaseCommand.class);
        SUBCOMMANDS.put("grade", GradeCommand.class);
        SUBCOMMANDS.put("autograder", AutograderCommand.class);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand.class);
    }

    @Mixin
    GlobalOptions options;

    private final PrintStream out;
    private final PrintStream err;
    private final Terminals terminals;

    Main(PrintStream out, PrintStream err, Map<String, String> env, Terminals terminals) {
        this.out = out;
        this.err = err;
        this.terminals = terminals;
        this.options = new GlobalOptions(env);
    }

    public static void main(String[] args) {
        // Box-drawing characters are sent as themselves: the terminal's alternate character set
        // shows them as letters in many setups (tmux, some CJK terminals).
        System.setProperty("org.jline.utils.disableAlternateCharset", "true");
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // Chinese text must survive a C or unknown locale: everything printed is UTF-8.
        System.setOut(out);
        System.setErr(err);
        int code = run(out, err, System.getenv(), Terminals.system(), args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line writing to {@code out} and {@code err}, in this process's environment; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, System.getenv(), Terminals.system(), args);
    }

    /** Where commands print their results. */
    PrintStream out() {
        return out;
    }

    /** Where commands print problems and progress. */
    PrintStream err() {
        return err;
    }

    /** Runs one command line; returns the exit code: 0 success, 1 failed check, 2 usage error. */
    static int run(PrintStream out, PrintStream err, Map<String, String> env, Terminals terminals, String... args) {
        return run(out, err, env, terminals, true, args);
    }

    /** As {@link #run(PrintStream, PrintStream, Map, Terminals, String...)}; {@code quick} false has picocli parse every line, for tests comparing the two. */
    static int run(PrintStream out, PrintStream err, Map<String, String> env, Terminals terminals, boolean quick, String... args) {
        Main main = new Main(out, err, env, terminals);
        Callable<Integer> quickCommand = quick ? QuickStart.command(main, args) : null;
        if (quickCommand != null) {
            try {
                return quickCommand.call();
            } catch (Exception e) {
                return new UnexpectedErrors(err, env.containsKey("SOCKETLAB_DEBUG"), requestedLangOrEnglish(args, env)).handle(e);
            }
        }
        CommandLine cli = new CommandLine(new Main(out, err, env, terminals));
        String verb = verb(args);
        if (verb != null && SUBCOMMANDS.containsKey(verb) && !verb.equals("help")) {
            cli.addSubcommand(verb, SUBCOMMANDS.get(verb));
        } else if (verb != null || Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            SUBCOMMANDS.forEach(cli::addSubcommand);
        }
        if (requestedLang(args, env) == Lang.ZH) {
            cli.setResourceBundle(ResourceBundle.getBundle("io.socketlab.i18n.usage", Lang.ZH.locale()));
        }
        // an option given twice takes its last value: `alias socketlab='socketlab --lang zh'` can still say --lang en
        cli.setOverwrittenOptionsAllowed(true);
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        // named classes, not lambdas: a lambda for one of picocli's (Java 5) interfaces keeps
        // picocli's main class out of the start-up archive
        Lang lang = requestedLangOrEnglish(args, env);
        cli.setParameterExceptionHandler(new UsageErrors(err, lang));
        cli.setExecutionExceptionHandler(new UnexpectedErrors(err, env.containsKey("SOCKETLAB_DEBUG"), lang));
        return cli.execute(args);
    }

    /** The first argument that is not an option or an option's value, or null: the subcommand's name. */
    static String verb(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") || args[i].equals("--course")) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }

    /** As {@link #requestedLang}, with English for a language that is not one of ours. */
    private static Lang requestedLangOrEnglish(String[] args, Map<String, String> env) {
        try {
            Lang lang = requestedLang(args, env);
            return lang == null ? Lang.EN : lang;
        } catch (RuntimeException e) {
            return Lang.EN;
        }
    }

    /**
     * The language asked for on the command line or by the locale, known before parsing; the last
     * {@code --lang} wins, as in parsing, so one given by a shell alias can be overridden.
     */
    private static Lang requestedLang(String[] args, Map<String, String> env) {
        String asked = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                asked = args[++i];
            } else if (args[i].startsWith("--lang=")) {
                asked = args[i].substring("--lang=".length());
            }
        }
        return asked != null ? Lang.parse(asked) : Lang.fromEnvironment(env);
    }

    Workspace workspace() {
        return new Workspace(options, out, err);
    }

    Terminals terminals() {
        return terminals;
    }

    @Override
    public Integer call() {
        return new ShellCommand(this).call();
    }

    /** A bad command line: one line saying what was wrong, suggestions for a misspelt name, exit 2. */
    private static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
        private final PrintStream err;
        private final Lang lang;
        private Messages text;

        UsageErrors(PrintStream err, Lang lang) {
            this.err = err;
            this.lang = lang;
        }

        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            text = Messages.of("cli", lang);
            CommandLine command = e.getCommandLine();
            String name = command.getCommandSpec().qualifiedName();
            err.println(name + ": " + describe(e, command));
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
                List<String> suggestions = unmatched.getSuggestions();
                String closest = command.getParent() == null && !unmatched.getUnmatched().isEmpty()
                        ? Suggestions.closest(unmatched.getUnmatched().get(0),
                        SUBCOMMANDS.keySet().stream().filter(verb -> !verb.equals("warmup")).toList()) : null;
                if (closest != null) {
                    // picocli offers "grade" for "raed"; a swap of two letters is the likelier slip
                    suggestions = List.of(closest);
                }
                String prefix = command.getParent() == null ? name + " " : "";
                if (!suggestions.isEmpty()) {
                    err.println(text.get("usage.did-you-mean", text.list(suggestions.stream().map(suggestion -> prefix + suggestion).toList())));
                }
            }
            err.println(text.get("usage.try", name));
            return CommandLine.ExitCode.USAGE;
        }

        /**
         * What was wrong, in the user's words: picocli counts argument positions from the first,
         * global options included, which says little; the argument itself says more.
         */
        private String describe(CommandLine.ParameterException e, CommandLine command) {
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
                List<String> extra = unmatched.getUnmatched();
                boolean verb = command.getParent() == null && !extra.get(0).startsWith("-");
                return text.get(verb ? "usage.unknown-command" : "usage.unexpected",
                        verb ? extra.get(0) : String.join(" ", extra));
            }
            if (e instanceof CommandLine.MissingParameterException missing) {
                return text.get("usage.missing", text.list(missing.getMissing().stream()
                        .map(arg -> arg.isOption() ? label(arg) + "=" + arg.paramLabel() : arg.paramLabel()).toList()));
            }
            if (e.getArgSpec() != null && e.getValue() != null && isWholeNumber(e.getArgSpec().type())) {
                return text.get("usage.not-a-number", label(e.getArgSpec()), e.getValue());
            }
            return text.get("usage.invalid", e.getMessage());
        }

        private static boolean isWholeNumber(Class<?> type) {
            return type == int.class || type == Integer.class || type == long.class || type == Long.class;
        }

        /** {@code --jobs} for an option, {@code N} for a positional parameter. */
        private static String label(CommandLine.Model.ArgSpec arg) {
            return arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel();
        }
    }

    /** A command's own exit code, or for a bug a plain report (the stack trace only on request), exit 70. */
    private static final class UnexpectedErrors implements CommandLine.IExecutionExceptionHandler {
        private final PrintStream err;
        private final boolean debug;
        private final Lang lang;

        UnexpectedErrors(PrintStream err, boolean debug, Lang lang) {
            this.err = err;
            this.debug = debug;
            this.lang = lang;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
            return handle(e);
        }

        int handle(Exception e) {
            if (e instanceof Workspace.Exit exit) {
                return exit.code;
            }
            Messages text = Messages.of("cli", lang);
            err.println(text.get("error.unexpected", e));
            err.println(text.get("error.unexpected-hint"));
            if (debug) {
                e.printStackTrace(err);
            }
            return 70;
        }
    }
}
