package io.jmpi.coll;

import io.jmpi.Datatype;
import io.jmpi.Op;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Deterministic contents and checks for the collective rank programs. Every rank derives every rank's data from
 * seeds, so each rank computes the serial reference of a collective by itself and checks its own result against it.
 */
final class TestArrays
{
    /** Every datatype jmpi has. */
    static final Datatype[] TYPES = {
        Datatype.BYTE, Datatype.SHORT, Datatype.INT, Datatype.LONG,
        Datatype.FLOAT, Datatype.DOUBLE, Datatype.CHAR, Datatype.BOOLEAN };

    /** The predefined operations. */
    static final Op[] OPS = {
        Op.SUM, Op.PROD, Op.MIN, Op.MAX, Op.LAND, Op.LOR, Op.LXOR, Op.BAND, Op.BOR, Op.BXOR, Op.MINLOC, Op.MAXLOC };

    /**
     * A non-commutative, associative user operation on long arrays: each element packs an affine map
     * {@code x -> m x + c} of 32-bit integers (m in the high half, c in the low half), and {@code a op b} is "a, then
     * b". Applied out of rank order, it gives another result.
     */
    static final Op COMPOSE = Op.user(TestArrays::compose, false);

    /** The sum of int arrays as a commutative user operation. */
    static final Op USER_SUM = Op.user(TestArrays::userSum, true);

    private static final float[] FLOATS = { -2f, -1f, -0.5f, 0.5f, 1f, 2f };

    private TestArrays()
    {
    }

    static long seed(final long... parts)
    {
        long seed = 0x243F6A8885A308D3L;
        for (final long part : parts)
        {
            seed = (seed ^ part) * 0x9E3779B97F4A7C15L;
            seed ^= seed >>> 29;
        }
        return seed;
    }

    static Object newArray(final Datatype type, final int count)
    {
        return Array.newInstance(type.arrayClass().getComponentType(), count);
    }

    /**
     * @return an array of random values over the whole range of the type.
     */
    static Object random(final Datatype type, final int count, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        if (Datatype.BYTE == type)
        {
            final byte[] array = new byte[count];
            random.nextBytes(array);
            return array;
        }
        if (Datatype.INT == type)
        {
            final int[] array = new int[count];
            Arrays.setAll(array, i -> random.nextInt());
            return array;
        }
        if (Datatype.LONG == type)
        {
            final long[] array = new long[count];
            Arrays.setAll(array, i -> random.nextLong());
            return array;
        }
        if (Datatype.DOUBLE == type)
        {
            final double[] array = new double[count];
            Arrays.setAll(array, i -> random.nextDouble(-1e12, 1e12));
            return array;
        }
        final Object array = newArray(type, count);
        for (int i = 0; i < count; i++)
        {
            if (Datatype.BOOLEAN == type)
            {
                Array.setBoolean(array, i, random.nextBoolean());
            }
            else if (Datatype.FLOAT == type)
            {
                Array.setFloat(array, i, (float)random.nextDouble(-1e6, 1e6));
            }
            else
            {
                setInteger(array, type, i, random.nextLong());
            }
        }
        return array;
    }

    /**
     * @return operands for a reduction by {@code op} at {@code rank}: small integers (often zero, so that logical
     * operations and ties of MINLOC and MAXLOC occur), floating values whose sums and products are exact, (value,
     * rank) pairs for MINLOC and MAXLOC, affine maps for {@link #COMPOSE}.
     */
    static Object operands(final Op op, final Datatype type, final int count, final int rank, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        if (Datatype.INT == type && Op.MINLOC != op && Op.MAXLOC != op)
        {
            final int[] array = new int[count];
            Arrays.setAll(array, i -> random.nextInt(-3, 4));
            return array;
        }
        final Object array = newArray(type, count);
        for (int i = 0; i < count; i++)
        {
            final boolean index = (Op.MINLOC == op || Op.MAXLOC == op) && 1 == i % 2;
            if (COMPOSE == op)
            {
                Array.setLong(array, i, ((long)random.nextInt(1, 5) << 32) | random.nextInt(0, 100));
            }
            else if (Datatype.BOOLEAN == type)
            {
                Array.setBoolean(array, i, random.nextBoolean());
            }
            else if (Datatype.FLOAT == type)
            {
                Array.setFloat(array, i, index ? rank : FLOATS[random.nextInt(FLOATS.length)]);
            }
            else if (Datatype.DOUBLE == type)
            {
                Array.setDouble(array, i, index ? rank : FLOATS[random.nextInt(FLOATS.length)]);
            }
            else if (Datatype.CHAR == type && !index && Op.PROD != op)
            {
                Array.setChar(array, i, (char)random.nextInt(0x10000));
            }
            else
            {
                setInteger(array, type, i, index ? rank : random.nextInt(-3, 4));
            }
        }
        return array;
    }

    /**
     * @return {@code x0 op x1 op ... op xn-1}, folded serially in rank order.
     */
    static Object fold(final Op op, final Object[] contributions, final int count)
    {
        Object acc = contributions[0];
        for (int i = 1; i < contributions.length; i++)
        {
            final Object next = copy(contributions[i]);
            op.apply(acc, 0, next, 0, count);
            acc = next;
        }
        return acc;
    }

    /**
     * @return true if MPI defines the predefined operation on the datatype.
     */
    static boolean defined(final Op op, final Datatype type)
    {
        final boolean floating = Datatype.FLOAT == type || Datatype.DOUBLE == type;
        if (Op.SUM == op || Op.PROD == op || Op.MIN == op || Op.MAX == op || Op.MINLOC == op || Op.MAXLOC == op)
        {
            return Datatype.BOOLEAN != type;
        }
        return !floating;
    }

    static Object copy(final Object array)
    {
        return copyOfRange(array, 0, Array.getLength(array));
    }

    static Object copyOfRange(final Object array, final int from, final int to)
    {
        final Object copy = Array.newInstance(array.getClass().getComponentType(), to - from);
        System.arraycopy(array, from, copy, 0, to - from);
        return copy;
    }

    /**
     * @throws AssertionError naming the first element of {@code actual} that differs from {@code expected}.
     */
    static void assertSame(final Object expected, final Object actual, final String what)
    {
        final int length = Array.getLength(expected);
        if (Array.getLength(actual) != length)
        {
            throw new AssertionError(what + ": length " + Array.getLength(actual) + ", expected " + length);
        }
        if (!Arrays.deepEquals(new Object[]{ expected }, new Object[]{ actual }))
        {
            for (int i = 0; i < length; i++)
            {
                final Object e = Array.get(expected, i);
                final Object a = Array.get(actual, i);
                if (!e.equals(a))
                {
                    throw new AssertionError(what + ": element " + i + " of " + length + " is " + a + ", expected " + e);
                }
            }
        }
    }

    /**
     * @throws AssertionError with the message unless the condition holds.
     */
    static void check(final boolean condition, final String what)
    {
        if (!condition)
        {
            throw new AssertionError(what);
        }
    }

    /**
     * Force an algorithm of a collective for the calls that follow, or go back to the tuned rule with "".
     */
    static void force(final String collective, final String algorithm)
    {
        final String property = "jmpi.coll." + collective + ".algorithm";
        if (algorithm.isEmpty())
        {
            System.clearProperty(property);
        }
        else
        {
            System.setProperty(property, algorithm);
        }
    }

    private static void setInteger(final Object array, final Datatype type, final int i, final long value)
    {
        if (Datatype.BYTE == type)
        {
            Array.setByte(array, i, (byte)value);
        }
        else if (Datatype.SHORT == type)
        {
            Array.setShort(array, i, (short)value);
        }
        else if (Datatype.INT == type)
        {
            Array.setInt(array, i, (int)value);
        }
        else if (Datatype.LONG == type)
        {
            Array.setLong(array, i, value);
        }
        else
        {
            Array.setChar(array, i, (char)value);
        }
    }

    private static void compose(
        final Object in, final int inOffset, final Object inout, final int inoutOffset, final int count,
        final Datatype datatype)
    {
        final long[] first = (long[])in;
        final long[] then = (long[])inout;
        for (int i = 0; i < count; i++)
        {
            final long a = first[inOffset + i];
            final long b = then[inoutOffset + i];
            final int m = (int)(a >>> 32) * (int)(b >>> 32);
            final int c = (int)(b >>> 32) * (int)a + (int)b;
            then[inoutOffset + i] = ((long)m << 32) | (c & 0xFFFFFFFFL);
        }
    }

    private static void userSum(
        final Object in, final int inOffset, final Object inout, final int inoutOffset, final int count,
        final Datatype datatype)
    {
        final int[] a = (int[])in;
        final int[] b = (int[])inout;
        for (int i = 0; i < count; i++)
        {
            b[inoutOffset + i] += a[inOffset + i];
        }
    }
}
