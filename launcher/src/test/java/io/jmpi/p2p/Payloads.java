package io.jmpi.p2p;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Deterministic message contents for rank programs: sender and receiver derive the same bytes from a seed, so
 * every byte of every message can be checked without sending the expectation along.
 */
final class Payloads
{
    private Payloads()
    {
    }

    static long seed(final int source, final int destination, final long sequence)
    {
        return (((long)source * 7919 + destination) << 32) ^ sequence * 0x9E3779B97F4A7C15L;
    }

    static byte[] bytes(final int length, final long seed)
    {
        final byte[] bytes = new byte[length];
        fill(bytes, length, seed);
        return bytes;
    }

    static void fill(final byte[] bytes, final int length, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)random.nextInt();
        }
    }

    /**
     * @throws AssertionError naming the first differing byte.
     */
    static void check(final byte[] actual, final int length, final long seed, final String what)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < length; i++)
        {
            final byte expected = (byte)random.nextInt();
            if (actual[i] != expected)
            {
                throw new AssertionError(what + ": byte " + i + " of " + length + " is " + actual[i] +
                    ", expected " + expected);
            }
        }
    }

    static void checkEquals(final Object expected, final Object actual, final String what)
    {
        if (!Arrays.deepEquals(new Object[]{ expected }, new Object[]{ actual }))
        {
            throw new AssertionError(what + ": expected " + Arrays.deepToString(new Object[]{ expected }) +
                " but was " + Arrays.deepToString(new Object[]{ actual }));
        }
    }

    static void checkTrue(final boolean condition, final String what)
    {
        if (!condition)
        {
            throw new AssertionError(what);
        }
    }
}
