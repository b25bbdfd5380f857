package mpi;

import java.lang.reflect.Array;

/**
 * The element type of the buffers a datatype describes (Open MPI's {@code baseType}): a Java array or a heap
 * buffer of a datatype must have this element type; a direct buffer is plain memory and takes any.
 */
enum BaseType
{
    BYTE(io.jmpi.Datatype.BYTE),
    CHAR(io.jmpi.Datatype.CHAR),
    SHORT(io.jmpi.Datatype.SHORT),
    BOOLEAN(io.jmpi.Datatype.BOOLEAN),
    INT(io.jmpi.Datatype.INT),
    LONG(io.jmpi.Datatype.LONG),
    FLOAT(io.jmpi.Datatype.FLOAT),
    DOUBLE(io.jmpi.Datatype.DOUBLE);

    /** The runtime's type of the same elements. */
    final io.jmpi.Datatype jmpi;
    /** Bytes of one element (Open MPI's {@code baseSize}). */
    final int size;

    BaseType(final io.jmpi.Datatype jmpi)
    {
        this.jmpi = jmpi;
        this.size = jmpi.size();
    }

    /**
     * @param length number of elements.
     * @return a new array of this element type.
     */
    Object newArray(final int length)
    {
        return Array.newInstance(jmpi.arrayClass().getComponentType(), length);
    }

    /**
     * @param array any object.
     * @return true if it is an array of this element type.
     */
    boolean isArray(final Object array)
    {
        return jmpi.arrayClass() == array.getClass();
    }
}
