package com.ccabot.cli;

import picocli.CommandLine;

/** Starts cca-bot from the command line; see {@link CcaBotCommand} for what it does. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        Logging.routeJavaUtilLogging();
        System.exit(CcaBotCommand.commandLine().execute(args));
    }
}
