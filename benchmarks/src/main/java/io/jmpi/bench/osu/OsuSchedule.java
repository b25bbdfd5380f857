package io.jmpi.bench.osu;

import java.util.stream.IntStream;

/**
 * The message sizes and loop counts of an OSU-style test, as the OSU micro-benchmarks choose them: sizes from the
 * minimum, doubling up to the maximum (0, 1, 2, 4, ... when the minimum is 0), and fewer iterations and warmup
 * rounds for messages larger than {@link #LARGE_MESSAGE_SIZE}.
 * <p>
 * The OSU options that change them are accepted: {@code -m [MIN:]MAX} for the sizes, {@code -i N} for the
 * iterations and {@code -x N} for the warmup rounds of every size.
 */
public final class OsuSchedule
{
    /** Messages larger than this many bytes get the large loop counts (OSU's LARGE_MESSAGE_SIZE). */
    public static final int LARGE_MESSAGE_SIZE = 8192;
    /** Largest message of the point-to-point tests: 4 MiB. */
    public static final int MAX_POINT_TO_POINT_SIZE = 4 * 1024 * 1024;
    /** Largest message of the collective tests: 1 MiB. */
    public static final int MAX_COLLECTIVE_SIZE = 1024 * 1024;
    /** What the options look like, for error messages. */
    public static final String USAGE = "options: [-m [MIN:]MAX] [-i ITERATIONS] [-x WARMUP]";

    private final int minSize;
    private final int maxSize;
    private final int smallIterations;
    private final int smallWarmup;
    private final int largeIterations;
    private final int largeWarmup;

    private OsuSchedule(
        final int minSize,
        final int maxSize,
        final int smallIterations,
        final int smallWarmup,
        final int largeIterations,
        final int largeWarmup)
    {
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.smallIterations = smallIterations;
        this.smallWarmup = smallWarmup;
        this.largeIterations = largeIterations;
        this.largeWarmup = largeWarmup;
    }

    /**
     * The schedule of the latency test: 0 B to 4 MiB, 10000 iterations after 100 warmup rounds up to 8 KiB, 1000
     * after 10 above.
     *
     * @param args the program's options.
     * @return the schedule.
     * @throws IllegalArgumentException if an option is malformed.
     */
    public static OsuSchedule latency(final String[] args)
    {
        return new OsuSchedule(0, MAX_POINT_TO_POINT_SIZE, 10_000, 100, 1_000, 10).withOptions(args);
    }

    /**
     * The schedule of the bandwidth test: 1 B to 4 MiB, 100 windows after 10 warmup windows up to 8 KiB, 20 after
     * 2 above.
     *
     * @param args the program's options.
     * @return the schedule.
     * @throws IllegalArgumentException if an option is malformed.
     */
    public static OsuSchedule bandwidth(final String[] args)
    {
        return new OsuSchedule(1, MAX_POINT_TO_POINT_SIZE, 100, 10, 20, 2).withOptions(args);
    }

    /**
     * The schedule of a collective latency test: minSize to 1 MiB, 1000 iterations after 100 warmup rounds up to
     * 8 KiB, 100 after 10 above.
     *
     * @param args    the program's options.
     * @param minSize smallest message: 1 for broadcast, 4 (one float) for allreduce.
     * @return the schedule.
     * @throws IllegalArgumentException if an option is malformed.
     */
    public static OsuSchedule collective(final String[] args, final int minSize)
    {
        return new OsuSchedule(minSize, MAX_COLLECTIVE_SIZE, 1_000, 100, 100, 10).withOptions(args);
    }

    /**
     * @return the message sizes in bytes, in the order they are measured.
     */
    public int[] sizes()
    {
        return IntStream.iterate(minSize, (size) -> size >= 0 && size <= maxSize, (size) -> 0 == size ? 1 : size * 2)
            .toArray();
    }

    /**
     * @return the largest message size, for sizing buffers.
     */
    public int maxSize()
    {
        return maxSize;
    }

    /**
     * @param size message size in bytes.
     * @return the timed iterations for that size.
     */
    public int iterations(final int size)
    {
        return size > LARGE_MESSAGE_SIZE ? largeIterations : smallIterations;
    }

    /**
     * @param size message size in bytes.
     * @return the untimed warmup rounds before the timed iterations for that size.
     */
    public int warmup(final int size)
    {
        return size > LARGE_MESSAGE_SIZE ? largeWarmup : smallWarmup;
    }

    private OsuSchedule withOptions(final String[] args)
    {
        int min = minSize;
        int max = maxSize;
        int smallLoops = smallIterations;
        int largeLoops = largeIterations;
        int smallSkip = smallWarmup;
        int largeSkip = largeWarmup;
        for (int i = 0; i < args.length; i += 2)
        {
            if (i + 1 >= args.length)
            {
                throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
            }
            final String value = args[i + 1];
            switch (args[i])
            {
                case "-m", "--message-size":
                    final int colon = value.indexOf(':');
                    if (colon >= 0)
                    {
                        min = number(args[i], value.substring(0, colon));
                    }
                    max = number(args[i], value.substring(colon + 1));
                    break;

                case "-i", "--iterations":
                    smallLoops = number(args[i], value);
                    largeLoops = smallLoops;
                    break;

                case "-x", "--warmup":
                    smallSkip = number(args[i], value);
                    largeSkip = smallSkip;
                    break;

                default:
                    throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        if (min > max)
        {
            throw new IllegalArgumentException("-m: MIN " + min + " is larger than MAX " + max);
        }
        if (0 == smallLoops)
        {
            throw new IllegalArgumentException("-i: at least one iteration is needed");
        }
        return new OsuSchedule(min, max, smallLoops, smallSkip, largeLoops, largeSkip);
    }

    private static int number(final String option, final String value)
    {
        try
        {
            final int number = Integer.parseInt(value);
            if (number < 0)
            {
                throw new IllegalArgumentException(option + ": " + value + " is negative");
            }
            return number;
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(option + ": " + value + " is not a number; " + USAGE, ex);
        }
    }
}
