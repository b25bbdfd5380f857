package mpi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The C layout of a (value, index) pair of MINLOC and MAXLOC ({@code MPI.INT2}, {@code MPI.SHORT_INT}, ...): a
 * value of some type at byte 0 and an int index after it, aligned, the struct padded to its alignment. Buffers of
 * these types are byte buffers, read through {@link Struct} views such as {@link MPI#int2}.
 */
final class PairLayout
{
    private static final VarHandle SHORT = view(short[].class);
    private static final VarHandle INT = view(int[].class);
    private static final VarHandle LONG = view(long[].class);
    private static final VarHandle FLOAT = view(float[].class);
    private static final VarHandle DOUBLE = view(double[].class);

    /** The value's type. */
    final BaseType value;
    /** Bytes of the value. */
    final int valueSize;
    /** Byte offset of the int index. */
    final int indexOffset;
    /** Bytes of one pair, padding included. */
    final int extent;

    PairLayout(final BaseType value)
    {
        this.value = value;
        this.valueSize = value.size;
        this.indexOffset = Math.max(4, valueSize);
        this.extent = Math.max(8, 2 * valueSize);
    }

    /**
     * MINLOC or MAXLOC of the pairs of two byte arrays: {@code inout = in op inout}; among equal values the smaller
     * index wins, as MPI defines it.
     *
     * @param max         true for MAXLOC.
     * @param in          pairs of the lower ranks.
     * @param inOffset    first byte of {@code in}.
     * @param inout       operand and result.
     * @param inoutOffset first byte of {@code inout}.
     * @param bytes       bytes of pairs.
     */
    void apply(final boolean max, final byte[] in, final int inOffset, final byte[] inout, final int inoutOffset,
        final int bytes)
    {
        for (int at = 0; at + extent <= bytes; at += extent)
        {
            final int order = compare(in, inOffset + at, inout, inoutOffset + at);
            final int ia = (int)INT.get(in, inOffset + at + indexOffset);
            final int ib = (int)INT.get(inout, inoutOffset + at + indexOffset);
            final boolean takeIn = 0 == order ? ia < ib : max == order > 0;
            if (takeIn)
            {
                System.arraycopy(in, inOffset + at, inout, inoutOffset + at, extent);
            }
        }
    }

    /**
     * @return the sign of the first pair's value minus the second's, exactly for every value type.
     */
    private int compare(final byte[] a, final int atA, final byte[] b, final int atB)
    {
        switch (value)
        {
            case SHORT:
                return Short.compare((short)SHORT.get(a, atA), (short)SHORT.get(b, atB));
            case INT:
                return Integer.compare((int)INT.get(a, atA), (int)INT.get(b, atB));
            case LONG:
                return Long.compare((long)LONG.get(a, atA), (long)LONG.get(b, atB));
            case FLOAT:
                return Float.compare((float)FLOAT.get(a, atA), (float)FLOAT.get(b, atB));
            default:
                return Double.compare((double)DOUBLE.get(a, atA), (double)DOUBLE.get(b, atB));
        }
    }

    private static VarHandle view(final Class<?> arrayClass)
    {
        return MethodHandles.byteArrayViewVarHandle(arrayClass, ByteOrder.nativeOrder());
    }
}
