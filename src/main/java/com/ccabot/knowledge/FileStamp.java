package com.ccabot.knowledge;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * What tells whether a file changed without reading it: its size and modification time (nanoseconds since the
 * epoch, as precise as the file system keeps it).
 */
public record FileStamp(long size, long modifiedNanos) {

    public static FileStamp of(BasicFileAttributes attributes) {
        return new FileStamp(attributes.size(), nanos(attributes.lastModifiedTime()));
    }

    /** The present time, as {@link #modifiedNanos()} counts it. */
    static long now() {
        return nanos(FileTime.from(Instant.now()));
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }
}
