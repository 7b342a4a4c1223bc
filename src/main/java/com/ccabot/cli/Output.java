package com.ccabot.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Standard output in UTF-8 whatever the platform's default, so answers in any script survive a pipe. */
final class Output {

    private Output() {}

    static PrintStream utf8() {
        return new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    }
}
