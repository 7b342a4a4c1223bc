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

    /** How long after its last change a file's stamp is trusted to tell a later change: a tick of coarse clocks. */
    private static final long SETTLE_NANOS = 1_000_000_000L;

    public static FileStamp of(BasicFileAttributes attributes) {
        return new FileStamp(attributes.size(), nanos(attributes.lastModifiedTime()));
    }

    /**
     * The file's stamp, or null when it changed within a second before {@code listedNanos} (when its folder was
     * listed) or later: a file system that keeps times to the second would give a further change in that same
     * second the same stamp, so such a stamp cannot tell it from the file as read (git's "racy" entries).
     */
    static FileStamp settled(BasicFileAttributes attributes, long listedNanos) {
        FileStamp stamp = of(attributes);
        return stamp.modifiedNanos() < listedNanos - SETTLE_NANOS ? stamp : null;
    }

    /** The present time, as {@link #modifiedNanos()} counts it. */
    static long now() {
        return nanos(FileTime.from(Instant.now()));
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }
}
