package dev.sextant.bench.scale;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Draws ranks {@code 0..n-1} with probability proportional to {@code 1 / (rank + 1)^s}. */
final class ZipfSampler {

    private final double[] cumulative;

    ZipfSampler(int n, double s) {
        if (n < 1) {
            throw new IllegalArgumentException("a Zipf distribution needs at least one rank, got " + n);
        }
        cumulative = new double[n];
        double sum = 0;
        for (int r = 0; r < n; r++) {
            sum += 1 / Math.pow(r + 1, s);
            cumulative[r] = sum;
        }
        for (int r = 0; r < n; r++) {
            cumulative[r] /= sum;
        }
    }

    int sample(RandomGenerator random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(i >= 0 ? i : -i - 1, cumulative.length - 1);
    }
}
