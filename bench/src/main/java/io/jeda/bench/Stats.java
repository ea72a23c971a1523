package io.jeda.bench;

import java.util.Arrays;
import java.util.List;

/** Latency samples of one run and the figures printed from them. */
final class Stats {

    private Stats() {
    }

    /** The p-th percentile (0..100) of sorted nanosecond samples, in milliseconds. */
    static double percentileMillis(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int idx = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(idx, sortedNanos.length - 1))] / 1_000_000.0;
    }

    static long[] merge(List<long[]> parts, List<Integer> counts) {
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        long[] out = new long[total];
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            System.arraycopy(parts.get(i), 0, out, at, counts.get(i));
            at += counts.get(i);
        }
        Arrays.sort(out);
        return out;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
