package com.ccabot.console;

import java.io.Console;
import java.lang.reflect.Method;

/** Tells whether standard input and output are an interactive terminal, on Java 17 and on Java 22 and later. */
final class Terminals {

    private Terminals() {}

    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a Console even for pipes and tells the truth in isTerminal()
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // before Java 22, a Console exists only for a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
