package io.jmpi;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The predefined operations' kernels against scalar definitions, on every type each applies to; the error classes
 * of the pairs MPI does not define; user operations.
 */
class OpTest
{
    private static final int COUNT = 101;

    @Test
    void arithmeticOnIntegersWrapsAroundLikeJava()
    {
        final long[] a = longs(1, COUNT);
        final long[] b = longs(2, COUNT);
        for (int i = 0; i < COUNT; i++)
        {
            final long x = a[i];
            final long y = b[i];
            assertEquals((byte)(x + y), ((byte[])apply(Op.SUM, bytes(a), bytes(b)))[i]);
            assertEquals((short)(x * y), ((short[])apply(Op.PROD, shorts(a), shorts(b)))[i]);
            assertEquals((int)Math.min((int)x, (int)y), ((int[])apply(Op.MIN, ints(a), ints(b)))[i]);
            assertEquals(Math.max(x, y), ((long[])apply(Op.MAX, a.clone(), b.clone()))[i]);
            assertEquals((char)(x + y), ((char[])apply(Op.SUM, chars(a), chars(b)))[i]);
        }
    }

    @Test
    void charIsUnsigned()
    {
        final char[] inout = { 1, 0xFFFF };
        Op.MAX.apply(new char[]{ 0xFFFF, 1 }, 0, inout, 0, 2);
        assertArrayEquals(new char[]{ 0xFFFF, 0xFFFF }, inout);
    }

    @Test
    void arithmeticOnFloatingPointIsIeee()
    {
        final double[] inout = { 1.5, -0.0, 2, Double.NaN };
        Op.SUM.apply(new double[]{ 0.25, 0.0, 3, 1 }, 0, inout, 0, 2);
        Op.PROD.apply(new double[]{ 0.25, 0.0, 3, 1 }, 2, inout, 2, 1);
        assertArrayEquals(new double[]{ 1.75, 0.0, 6, Double.NaN }, inout);

        final float[] minimum = { 0.0f, 1f };
        Op.MIN.apply(new float[]{ -0.0f, Float.NaN }, 0, minimum, 0, 2);
        assertEquals(Float.floatToIntBits(-0.0f), Float.floatToIntBits(minimum[0]));
        assertTrue(Float.isNaN(minimum[1]));
    }

    @Test
    void logicalOperationsOnIntegersGiveOneOrZero()
    {
        final int[] in = { 0, 0, 7, -3 };
        final int[] and = { 0, 5, 0, 2 };
        final int[] or = and.clone();
        final int[] xor = and.clone();
        Op.LAND.apply(in, 0, and, 0, 4);
        Op.LOR.apply(in, 0, or, 0, 4);
        Op.LXOR.apply(in, 0, xor, 0, 4);
        assertArrayEquals(new int[]{ 0, 0, 0, 1 }, and);
        assertArrayEquals(new int[]{ 0, 1, 1, 1 }, or);
        assertArrayEquals(new int[]{ 0, 1, 1, 0 }, xor);

        final byte[] bytes = { 0, 9 };
        Op.LOR.apply(new byte[]{ 0, 0 }, 0, bytes, 0, 2);
        assertArrayEquals(new byte[]{ 0, 1 }, bytes);
    }

    @Test
    void bitwiseOperationsOnIntegers()
    {
        final long[] a = longs(3, COUNT);
        final long[] b = longs(4, COUNT);
        for (int i = 0; i < COUNT; i++)
        {
            assertEquals(a[i] & b[i], ((long[])apply(Op.BAND, a.clone(), b.clone()))[i]);
            assertEquals((short)(a[i] | b[i]), ((short[])apply(Op.BOR, shorts(a), shorts(b)))[i]);
            assertEquals((char)(a[i] ^ b[i]), ((char[])apply(Op.BXOR, chars(a), chars(b)))[i]);
        }
    }

    @Test
    void logicalAndBitwiseOperationsOnBooleansAreTheSame()
    {
        final boolean[] in = { false, false, true, true };
        final boolean[] inout = { false, true, false, true };
        for (final Op op : new Op[]{ Op.LAND, Op.BAND })
        {
            final boolean[] result = inout.clone();
            op.apply(in, 0, result, 0, 4);
            assertArrayEquals(new boolean[]{ false, false, false, true }, result, op.toString());
        }
        for (final Op op : new Op[]{ Op.LOR, Op.BOR })
        {
            final boolean[] result = inout.clone();
            op.apply(in, 0, result, 0, 4);
            assertArrayEquals(new boolean[]{ false, true, true, true }, result, op.toString());
        }
        for (final Op op : new Op[]{ Op.LXOR, Op.BXOR })
        {
            final boolean[] result = inout.clone();
            op.apply(in, 0, result, 0, 4);
            assertArrayEquals(new boolean[]{ false, true, true, false }, result, op.toString());
        }
    }

    @Test
    void minlocAndMaxlocKeepTheExtremeValueAndTheLowestIndexOfIt()
    {
        final int[] min = { 5, 3, 2, 7, 4, 1 };
        Op.MINLOC.apply(new int[]{ 4, 9, 2, 0, 4, 2 }, 0, min, 0, 6);
        assertArrayEquals(new int[]{ 4, 9, 2, 0, 4, 1 }, min);

        final double[] max = { 5, 3, 2, 7, 4, 1 };
        Op.MAXLOC.apply(new double[]{ 4, 9, 2, 0, 6, 2 }, 0, max, 0, 6);
        assertArrayEquals(new double[]{ 5, 3, 2, 0, 6, 2 }, max);

        final byte[] offsets = { 0, 0, 8, 8 };
        Op.MINLOC.apply(new byte[]{ -1, 3, 0, 0 }, 0, offsets, 2, 2);
        assertArrayEquals(new byte[]{ 0, 0, -1, 3 }, offsets);
        assertEquals(2, Op.MINLOC.operandLength());
        assertEquals(1, Op.SUM.operandLength());
    }

    @Test
    void operationsOutsideTheirTypesRaiseErrOp()
    {
        for (final Op op : new Op[]{ Op.SUM, Op.PROD, Op.MIN, Op.MAX, Op.MINLOC, Op.MAXLOC })
        {
            assertError(ErrorClass.ERR_OP, () -> op.apply(new boolean[2], 0, new boolean[2], 0, 2));
        }
        for (final Op op : new Op[]{ Op.LAND, Op.LOR, Op.LXOR, Op.BAND, Op.BOR, Op.BXOR })
        {
            assertError(ErrorClass.ERR_OP, () -> op.apply(new double[1], 0, new double[1], 0, 1));
            assertError(ErrorClass.ERR_OP, () -> op.check(Datatype.FLOAT, 1));
        }
        Op.BAND.check(Datatype.BOOLEAN, 3);
        Op.SUM.check(Datatype.CHAR, 3);
    }

    @Test
    void minlocWithAnOddCountRaisesErrCount()
    {
        assertError(ErrorClass.ERR_COUNT, () -> Op.MINLOC.check(Datatype.INT, 3));
        assertError(ErrorClass.ERR_COUNT, () -> Op.MAXLOC.apply(new long[4], 0, new long[4], 0, 3));
    }

    @Test
    void operandsMustBeArraysOfOneType()
    {
        assertError(ErrorClass.ERR_TYPE, () -> Op.SUM.apply(new int[1], 0, new long[1], 0, 1));
        assertError(ErrorClass.ERR_TYPE, () -> Op.SUM.apply("a", 0, "b", 0, 1));
        assertError(ErrorClass.ERR_TYPE, () -> Op.SUM.apply(null, 0, new int[1], 0, 1));
    }

    @Test
    void userOperationsSeeTheArraysAndTheirDatatype()
    {
        final Datatype[] seen = new Datatype[1];
        final Op concatenate = Op.user((in, inOffset, inout, inoutOffset, count, datatype) ->
        {
            seen[0] = datatype;
            final long[] a = (long[])in;
            final long[] b = (long[])inout;
            for (int i = 0; i < count; i++)
            {
                b[inoutOffset + i] = a[inOffset + i] * 10 + b[inoutOffset + i];
            }
        }, false);
        final long[] inout = { 0, 2, 3 };
        concatenate.apply(new long[]{ 1, 1, 9 }, 1, inout, 1, 2);
        assertArrayEquals(new long[]{ 0, 12, 93 }, inout);
        assertEquals(Datatype.LONG, seen[0]);
        assertFalse(concatenate.isCommutative());
        assertTrue(Op.SUM.isCommutative());
        assertEquals("USER", concatenate.toString());
        assertError(ErrorClass.ERR_OP, () -> Op.user(null, true));
    }

    private static Object apply(final Op op, final Object in, final Object inout)
    {
        op.apply(in, 0, inout, 0, COUNT);
        return inout;
    }

    private static void assertError(final ErrorClass expected, final Runnable call)
    {
        assertEquals(expected, assertThrows(MpiException.class, call::run).errorClass());
    }

    private static long[] longs(final long seed, final int count)
    {
        return new SplittableRandom(seed).longs(count).toArray();
    }

    private static byte[] bytes(final long[] values)
    {
        final byte[] array = new byte[values.length];
        for (int i = 0; i < values.length; i++)
        {
            array[i] = (byte)values[i];
        }
        return array;
    }

    private static short[] shorts(final long[] values)
    {
        final short[] array = new short[values.length];
        for (int i = 0; i < values.length; i++)
        {
            array[i] = (short)values[i];
        }
        return array;
    }

    private static int[] ints(final long[] values)
    {
        final int[] array = new int[values.length];
        for (int i = 0; i < values.length; i++)
        {
            array[i] = (int)values[i];
        }
        return array;
    }

    private static char[] chars(final long[] values)
    {
        final char[] array = new char[values.length];
        for (int i = 0; i < values.length; i++)
        {
            array[i] = (char)values[i];
        }
        return array;
    }
}
