package com.ccabot.cli;

/** Placeholder entry point while the scaffold is set up. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("cca-bot");
    }
}
