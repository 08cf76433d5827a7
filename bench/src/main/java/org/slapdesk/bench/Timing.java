package org.slapdesk.bench;

import java.util.Arrays;
import java.util.List;

/** Seconds per operation measured over several rounds; the median is what we compare. */
public record Timing(List<Double> secondsPerOp) {

    public Timing {
        if (secondsPerOp.isEmpty()) {
            throw new IllegalArgumentException("a timing needs at least one round");
        }
        secondsPerOp = List.copyOf(secondsPerOp);
    }

    public double median() {
        double[] sorted = secondsPerOp.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The spread of the rounds around the median, in percent: a wide one means a noisy machine. */
    public double spreadPercent() {
        double min =
                secondsPerOp.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max =
                secondsPerOp.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return 100 * (max - min) / median();
    }

    /** Runs {@code op} {@code ops} times per round after a warm-up of three rounds (JIT, heap sizing). */
    public static Timing measure(int rounds, int ops, Runnable op) {
        for (int i = 0; i < 3 * ops; i++) {
            op.run();
        }
        Double[] perOp = new Double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                op.run();
            }
            perOp[r] = (System.nanoTime() - start) / 1e9 / ops;
        }
        return new Timing(List.of(perOp));
    }
}
