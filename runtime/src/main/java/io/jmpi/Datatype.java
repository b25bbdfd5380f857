package io.jmpi;

import org.agrona.UnsafeApi;

/**
 * The element type of a message buffer. jmpi infers it from the buffer passed to a call: a primitive array
 * gives its element type; a {@link java.nio.ByteBuffer} or an Agrona {@link org.agrona.DirectBuffer} is
 * {@link #BYTE}. Counts and offsets are in elements of this type.
 * <p>
 * Data travels in the machine's native byte order, as MPI does on homogeneous clusters.
 */
public final class Datatype
{
    /** {@code byte}, and the type of ByteBuffer and DirectBuffer buffers (MPI_BYTE). */
    public static final Datatype BYTE = new Datatype("BYTE", 1, byte[].class);
    /** {@code short} (MPI_SHORT). */
    public static final Datatype SHORT = new Datatype("SHORT", 2, short[].class);
    /** {@code int} (MPI_INT). */
    public static final Datatype INT = new Datatype("INT", 4, int[].class);
    /** {@code long} (MPI_LONG). */
    public static final Datatype LONG = new Datatype("LONG", 8, long[].class);
    /** {@code float} (MPI_FLOAT). */
    public static final Datatype FLOAT = new Datatype("FLOAT", 4, float[].class);
    /** {@code double} (MPI_DOUBLE). */
    public static final Datatype DOUBLE = new Datatype("DOUBLE", 8, double[].class);
    /** {@code char}, two bytes (MPI_CHAR of mpiJava). */
    public static final Datatype CHAR = new Datatype("CHAR", 2, char[].class);
    /** {@code boolean}, one byte (MPI_BOOLEAN of mpiJava). */
    public static final Datatype BOOLEAN = new Datatype("BOOLEAN", 1, boolean[].class);

    private final String name;
    private final int size;
    private final Class<?> arrayClass;
    private final long arrayBaseOffset;

    private Datatype(final String name, final int size, final Class<?> arrayClass)
    {
        this.name = name;
        this.size = size;
        this.arrayClass = arrayClass;
        this.arrayBaseOffset = UnsafeApi.arrayBaseOffset(arrayClass);
    }

    /**
     * @return size of one element in bytes.
     */
    public int size()
    {
        return size;
    }

    /**
     * @return the Java array class whose elements have this type.
     */
    public Class<?> arrayClass()
    {
        return arrayClass;
    }

    /**
     * @return offset of element 0 within an array of this type, in the sense of {@code Unsafe}.
     */
    public long arrayBaseOffset()
    {
        return arrayBaseOffset;
    }

    /**
     * The datatype of a primitive array.
     *
     * @param array a primitive array.
     * @return its element type, or {@code null} if it is not a primitive array.
     */
    public static Datatype ofArray(final Object array)
    {
        final Class<?> type = array.getClass();
        if (type == byte[].class)
        {
            return BYTE;
        }
        if (type == int[].class)
        {
            return INT;
        }
        if (type == double[].class)
        {
            return DOUBLE;
        }
        if (type == long[].class)
        {
            return LONG;
        }
        if (type == float[].class)
        {
            return FLOAT;
        }
        if (type == short[].class)
        {
            return SHORT;
        }
        if (type == char[].class)
        {
            return CHAR;
        }
        if (type == boolean[].class)
        {
            return BOOLEAN;
        }
        return null;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return name;
    }
}
