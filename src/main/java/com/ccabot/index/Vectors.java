package com.ccabot.index;

import org.apache.lucene.util.VectorUtil;

/** Arithmetic on the model's unit-length vectors. */
public final class Vectors {

    private Vectors() {}

    /**
     * The dot product (the cosine, for unit vectors), by Lucene's {@link VectorUtil}: several sums at once instead
     * of one long chain of additions, and SIMD where the JVM offers it; near-copy grouping compares hundreds of pairs
     * a question, so this is a large share of a question's own work.
     */
    public static double dot(float[] a, float[] b) {
        return VectorUtil.dotProduct(a, b);
    }
}
