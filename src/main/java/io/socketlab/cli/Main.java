package io.socketlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code socketlab} command: with no verb it opens the interactive course. */
@Command(name = "socketlab", mixinStandardHelpOptions = true, version = "SocketLab 0.1.0",
        description = "A terminal course on TCP and UDP sockets in Java.",
        subcommands = {
            CommandLine.HelpCommand.class, CheckCommand.class, HintCommand.class, ResetCommand.class, WatchCommand.class,
        })
public final class Main implements Runnable {
    @Mixin
    GlobalOptions options;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code: 0 success, 1 failed check, 2 usage error. */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        System.out.println("SocketLab");
    }
}
