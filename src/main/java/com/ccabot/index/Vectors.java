package com.ccabot.index;

/** Arithmetic on the model's unit-length vectors. */
final class Vectors {

    private Vectors() {}

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
