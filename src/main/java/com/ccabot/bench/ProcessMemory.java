package com.ccabot.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The memory this JVM uses: the heap its live objects take after a full collection, and the process's resident set
 * (which holds the embedding model's native memory too), read from {@code /proc/self/status} on Linux.
 *
 * @param residentBytes the resident set size, or -1 where the system does not say
 */
public record ProcessMemory(long heapBytes, long residentBytes) {

    private static final Path STATUS = Path.of("/proc/self/status");

    /** Collects garbage, then measures. */
    public static ProcessMemory measure() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return new ProcessMemory(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), resident());
    }

    /** "heap 45.2 MB used after GC, RSS 410 MB" */
    @Override
    public String toString() {
        String rss = residentBytes < 0 ? "RSS unknown (/proc/self/status not readable)"
                : String.format(Locale.ROOT, "RSS %.0f MB", residentBytes / 1e6);
        return String.format(Locale.ROOT, "heap %.1f MB used after GC, %s", heapBytes / 1e6, rss);
    }

    /** VmRSS of /proc/self/status ("VmRSS:   412340 kB"), in bytes; -1 without it. */
    private static long resident() {
        if (!Files.isReadable(STATUS)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(fields[0]) * 1024;
                }
            }
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
