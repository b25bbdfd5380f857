package mpitest;

import java.util.Arrays;
import java.util.Objects;

/**
 * Result checks for the test programs of both API faces (mpiJava here, Open MPI's in examples/openmpi through the
 * launcher's test jar): a wrong result prints what was expected and ends the rank with exit code 1, so that jrun
 * fails the job.
 */
public final class Check
{
    private Check()
    {
    }

    public static void that(final boolean condition, final String what)
    {
        if (!condition)
        {
            fail(what);
        }
    }

    public static void equal(final long expected, final long actual, final String what)
    {
        if (expected != actual)
        {
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }

    public static void equal(final double expected, final double actual, final String what)
    {
        if (Math.abs(expected - actual) > 1e-9 * Math.max(1.0, Math.abs(expected)))
        {
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }

    public static void equal(final Object expected, final Object actual, final String what)
    {
        if (!Objects.deepEquals(expected, actual))
        {
            fail(what + ": expected " + string(expected) + " but was " + string(actual));
        }
    }

    public static void fail(final String what)
    {
        System.err.println("FAILED: " + what);
        new AssertionError(what).printStackTrace();
        System.exit(1);
    }

    private static String string(final Object value)
    {
        return value instanceof Object[] ? Arrays.deepToString((Object[])value) :
            value instanceof int[] ? Arrays.toString((int[])value) :
            value instanceof double[] ? Arrays.toString((double[])value) :
            value instanceof long[] ? Arrays.toString((long[])value) :
            value instanceof char[] ? Arrays.toString((char[])value) :
            value instanceof short[] ? Arrays.toString((short[])value) :
            value instanceof byte[] ? Arrays.toString((byte[])value) :
            value instanceof float[] ? Arrays.toString((float[])value) :
            value instanceof boolean[] ? Arrays.toString((boolean[])value) : String.valueOf(value);
    }
}
