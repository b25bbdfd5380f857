package io.jmpi.examples.openmpi;

import java.util.stream.IntStream;

/**
 * Message sizes and loop counts of the OSU tests, from OSU's options {@code -m [MIN:]MAX}, {@code -i ITERATIONS} and
 * {@code -x WARMUP}: sizes double from MIN (0 counts as 0, then 1) up to MAX; messages above 8 KiB run the large
 * counts unless -i or -x set both.
 */
final class OsuSchedule
{
    private static final int LARGE_MESSAGE_SIZE = 8192;
    private static final String USAGE = "options: [-m [MIN:]MAX] [-i ITERATIONS] [-x WARMUP]";

    private final int minSize;
    private final int maxSize;
    private final int smallIterations;
    private final int smallWarmup;
    private final int largeIterations;
    private final int largeWarmup;

    private OsuSchedule(final int minSize, final int maxSize, final int smallIterations, final int smallWarmup,
        final int largeIterations, final int largeWarmup)
    {
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.smallIterations = smallIterations;
        this.smallWarmup = smallWarmup;
        this.largeIterations = largeIterations;
        this.largeWarmup = largeWarmup;
    }

    /**
     * @param args OSU options.
     * @return osu_latency's schedule: 0 B to 4 MiB.
     */
    static OsuSchedule latency(final String[] args)
    {
        return new OsuSchedule(0, 4 << 20, 10_000, 100, 1_000, 10).withOptions(args);
    }

    /**
     * @param args OSU options.
     * @return osu_bw's schedule: 1 B to 4 MiB, counts in windows.
     */
    static OsuSchedule bandwidth(final String[] args)
    {
        return new OsuSchedule(1, 4 << 20, 100, 10, 20, 2).withOptions(args);
    }

    /**
     * @param args    OSU options.
     * @param minSize the smallest message.
     * @return the collective tests' schedule: up to 1 MiB.
     */
    static OsuSchedule collective(final String[] args, final int minSize)
    {
        return new OsuSchedule(minSize, 1 << 20, 1_000, 100, 100, 10).withOptions(args);
    }

    int[] sizes()
    {
        return IntStream.iterate(minSize, size -> size >= 0 && size <= maxSize, size -> 0 == size ? 1 : size * 2)
            .toArray();
    }

    int maxSize()
    {
        return maxSize;
    }

    int iterations(final int size)
    {
        return size > LARGE_MESSAGE_SIZE ? largeIterations : smallIterations;
    }

    int warmup(final int size)
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
        if (min > max || 0 == smallLoops)
        {
            throw new IllegalArgumentException("MIN must not exceed MAX and -i must be positive; " + USAGE);
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
