package io.jmpi.bench.osu;

import java.util.Arrays;
import java.util.Locale;

/**
 * The round trips of one message size, each timed on its own, and the lines of {@code benchmarks/p2p-vs-c.sh} made
 * from them, as {@code benchmarks/src/main/c/p2p_bench.c} makes them: times are half round trips in µs, the mean over
 * all samples and percentiles by nearest rank (the smallest sample with at least p% of the samples at or below it).
 * <pre>
 * cold BYTES mean_us X
 * latency BYTES mean_us X median_us Y p99_us Z
 * </pre>
 * The samples are pre-sized, so that recording allocates nothing.
 */
public final class RoundTrips
{
    private static final double NS_PER_HALF_US = 2e3;

    private final long[] nanos;
    private int count;

    /**
     * @param capacity the most samples between two {@link #reset()}s.
     */
    public RoundTrips(final int capacity)
    {
        nanos = new long[capacity];
    }

    /**
     * Forget the samples, for the next size.
     */
    public void reset()
    {
        count = 0;
    }

    /**
     * @param roundTripNs one round trip, in ns.
     */
    public void add(final long roundTripNs)
    {
        nanos[count++] = roundTripNs;
    }

    /**
     * @param bytes the message size.
     * @return {@code cold BYTES mean_us X}.
     */
    public String coldLine(final int bytes)
    {
        return String.format(Locale.ROOT, "cold %d mean_us %.3f", bytes, meanHalfUs());
    }

    /**
     * Sorts the samples.
     *
     * @param bytes the message size.
     * @return {@code latency BYTES mean_us X median_us Y p99_us Z}.
     */
    public String latencyLine(final int bytes)
    {
        Arrays.sort(nanos, 0, count);
        return String.format(Locale.ROOT, "latency %d mean_us %.3f median_us %.3f p99_us %.3f",
            bytes, meanHalfUs(), percentileHalfUs(50), percentileHalfUs(99));
    }

    private double meanHalfUs()
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += nanos[i];
        }
        return sum / count / NS_PER_HALF_US;
    }

    /** The nearest-rank percentile of the sorted samples, in integers so that C computes the same index. */
    private double percentileHalfUs(final int percent)
    {
        return nanos[(int)(((long)count * percent + 99) / 100 - 1)] / NS_PER_HALF_US;
    }
}
