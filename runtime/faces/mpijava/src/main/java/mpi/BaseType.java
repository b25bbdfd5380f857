package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

import java.lang.reflect.Array;

/**
 * The Java element type under a {@link Datatype}: the array class a buffer must have, and the bytes of an element
 * on the wire. Objects travel serialized, as bytes.
 */
enum BaseType
{
    BYTE(byte[].class, 1),
    CHAR(char[].class, 2),
    SHORT(short[].class, 2),
    BOOLEAN(boolean[].class, 1),
    INT(int[].class, 4),
    LONG(long[].class, 8),
    FLOAT(float[].class, 4),
    DOUBLE(double[].class, 8),
    OBJECT(Object[].class, 0);

    private final Class<?> arrayClass;
    private final int bytes;

    BaseType(final Class<?> arrayClass, final int bytes)
    {
        this.arrayClass = arrayClass;
        this.bytes = bytes;
    }

    /**
     * @return bytes per element on the wire; 0 for objects, whose size depends on their serialized form.
     */
    int bytes()
    {
        return bytes;
    }

    /**
     * @param length number of elements.
     * @return a new array of this element type.
     */
    Object newArray(final int length)
    {
        return Array.newInstance(arrayClass.getComponentType(), length);
    }

    /**
     * Check that a buffer is an array of this type: the array class itself for primitives, any reference array
     * for objects.
     *
     * @param buffer a user buffer.
     * @throws MpiException ERR_BUFFER if it is null, ERR_TYPE if it has another type.
     */
    void check(final Object buffer)
    {
        if (null == buffer)
        {
            throw new MpiException(ErrorClass.ERR_BUFFER, "buffer is null");
        }
        if (this == OBJECT ? !(buffer instanceof Object[]) : buffer.getClass() != arrayClass)
        {
            throw new MpiException(ErrorClass.ERR_TYPE, "datatype " + this + " needs a " +
                arrayClass.getSimpleName() + " buffer, not " + buffer.getClass().getSimpleName());
        }
    }
}
