package com.ccabot.cache;

/** The answer cache's hits, misses and size, as shown by {@code :stats} and {@code eval}. */
public record CacheFigures(long hits, long misses, long size) {

    public double hitRate() {
        long requests = hits + misses;
        return requests == 0 ? 0 : (double) hits / requests;
    }

    @Override
    public String toString() {
        return "cache: %d hits, %d misses (hit rate %.0f%%), %d answers kept".formatted(hits, misses, 100 * hitRate(), size);
    }
}
