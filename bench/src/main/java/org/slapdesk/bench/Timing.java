package org.slapdesk.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
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
        return measureWallAndCpu(rounds, ops, Duration.ZERO, op)[0];
    }

    /**
     * Wall-clock and process CPU seconds per operation (CPU: every thread of this JVM, the
     * collector's and the compiler's included), after a warm-up of three rounds and at least
     * {@code warmUp}: at a few hundred microseconds an operation, three rounds end before the JIT
     * has compiled the hot paths, and the rounds would measure the compiler instead.
     */
    public static Timing[] measureWallAndCpu(int rounds, int ops, Duration warmUp, Runnable op) {
        long warmUntil = System.nanoTime() + warmUp.toNanos();
        for (int i = 0; i < 3 * ops || System.nanoTime() < warmUntil; i++) {
            op.run();
        }
        OperatingSystemMXBean system = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Double[] perOp = new Double[rounds];
        Double[] cpuPerOp = new Double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            long cpuStart = system.getProcessCpuTime();
            for (int i = 0; i < ops; i++) {
                op.run();
            }
            perOp[r] = (System.nanoTime() - start) / 1e9 / ops;
            cpuPerOp[r] = (system.getProcessCpuTime() - cpuStart) / 1e9 / ops;
        }
        return new Timing[] {new Timing(List.of(perOp)), new Timing(List.of(cpuPerOp))};
    }
}
