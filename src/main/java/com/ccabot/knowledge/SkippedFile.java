package com.ccabot.knowledge;

import java.util.Objects;

/**
 * A file the loader could not use, and why.
 *
 * @param file   the path relative to the knowledge folder, with {@code /} separators
 * @param reason what is wrong with it, in words a user can act on
 */
public record SkippedFile(String file, String reason) {

    public SkippedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }
}
