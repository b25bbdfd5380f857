package io.jmpi.bench.osu;

import java.util.concurrent.TimeUnit;

/**
 * The sizes and loop counts of {@code benchmarks/p2p-vs-c.sh}, defined once for its two Java programs, {@link P2pVsC}
 * on jmpi and {@code io.jmpi.bench.AeronPingPong} on raw Aeron; the C program {@code benchmarks/src/main/c/p2p_bench.c}
 * repeats them, so a change here is a change there.
 * <ul>
 *     <li>Cold: the first {@value #COLD_ROUND_TRIPS} round trips of {@value #COLD_BYTES} bytes.</li>
 *     <li>Latency: osu_latency's sizes (0 B, then 1 B to 4 MiB) and counts, N = 10000 round trips after warm-up
 *     rounds of 100 up to 8 KiB, 1000 after rounds of 10 above.</li>
 *     <li>Bandwidth: osu_bw's sizes (1 B to 4 MiB) and counts, N = 100 windows after warm-up rounds of 10 up to
 *     8 KiB, 20 after rounds of 2 above.</li>
 * </ul>
 * The warm-up of each size repeats its rounds until the side that times has warmed up for 1 s: a JIT needs time,
 * not only calls, and a count that is enough for C is not for Java. Quick mode divides N and that time by
 * {@value #QUICK_DIVISOR}, to check that everything runs; the cold round trips stay as they are.
 */
public final class P2pSchedule
{
    /** Message size of the cold round trips. */
    public static final int COLD_BYTES = 8;
    /** Round trips timed for the cold figure, straight after start-up. */
    public static final int COLD_ROUND_TRIPS = 100;
    /** What quick mode divides N and the warm-up time by. */
    public static final int QUICK_DIVISOR = 10;

    private static final long WARMUP_MIN_NS = TimeUnit.SECONDS.toNanos(1);
    private static final int CACHE_LINE = 64;
    private static final String[] OSU_DEFAULTS = {};

    private final OsuSchedule latency = OsuSchedule.latency(OSU_DEFAULTS);
    private final OsuSchedule bandwidth = OsuSchedule.bandwidth(OSU_DEFAULTS);
    private final int divisor;

    /**
     * @param quick true for quick mode.
     */
    public P2pSchedule(final boolean quick)
    {
        this.divisor = quick ? QUICK_DIVISOR : 1;
    }

    /**
     * @return the message sizes of the latency test, in order.
     */
    public int[] latencySizes()
    {
        return latency.sizes();
    }

    /**
     * @return the message sizes of the bandwidth test, in order.
     */
    public int[] bandwidthSizes()
    {
        return bandwidth.sizes();
    }

    /**
     * @return the largest message of either test, for sizing buffers.
     */
    public int maxBytes()
    {
        return Math.max(latency.maxSize(), bandwidth.maxSize());
    }

    /**
     * @return the most round trips timed for any size, for sizing the samples.
     */
    public int maxRoundTrips()
    {
        return Math.max(COLD_ROUND_TRIPS, roundTrips(0));
    }

    /**
     * @param bytes message size.
     * @return N, the round trips timed for that size.
     */
    public int roundTrips(final int bytes)
    {
        return latency.iterations(bytes) / divisor;
    }

    /**
     * @param bytes message size.
     * @return the round trips of one warm-up round for that size.
     */
    public int warmupRoundTrips(final int bytes)
    {
        return latency.warmup(bytes);
    }

    /**
     * @param bytes message size.
     * @return N, the windows timed for that size.
     */
    public int windows(final int bytes)
    {
        return bandwidth.iterations(bytes) / divisor;
    }

    /**
     * @param bytes message size.
     * @return the windows of one warm-up round for that size.
     */
    public int warmupWindows(final int bytes)
    {
        return bandwidth.warmup(bytes);
    }

    /**
     * @return how long the warm-up of each size lasts at least, in ns.
     */
    public long warmupMinNs()
    {
        return WARMUP_MIN_NS / divisor;
    }

    /**
     * Where message j of a window starts in the window's memory: j times this. The size rounded up to a cache line,
     * so that the buffers neither overlap nor share a line and, unlike buffers a power of two apart, do not all fall
     * into one cache set.
     *
     * @param bytes message size.
     * @return the distance between the buffers of consecutive messages of a window, in bytes.
     */
    public static int windowStride(final int bytes)
    {
        return (bytes + CACHE_LINE - 1) / CACHE_LINE * CACHE_LINE;
    }
}
