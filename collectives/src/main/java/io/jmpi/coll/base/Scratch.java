package io.jmpi.coll.base;

import io.jmpi.Datatype;

import java.lang.reflect.Array;

/**
 * Scratch arrays of one communicator's collectives, kept from call to call: an array is allocated only when a call
 * needs more than any call before it, so steady-state calls allocate nothing.
 * <p>
 * Arrays are kept per slot and per datatype. Each slot has one user at a time within a call; an algorithm that
 * calls another (a reduce then a broadcast) picks slots that the other does not use, as the slot list says.
 */
public final class Scratch
{
    /** Accumulators, staged send data and packed blocks of the algorithms. */
    public static final int WORK = 0;
    /** Operands received from other ranks. */
    public static final int INCOMING = 1;
    /** Partial results kept across the steps of an algorithm, and results of an algorithm that calls another. */
    public static final int PARTIAL = 2;
    /** A copy of a send buffer that is not an array, made before a reduction. */
    public static final int STAGED_SEND = 3;
    /** The result of a reduction into a receive buffer that is not an array, copied out after it. */
    public static final int STAGED_RECV = 4;

    private static final int SLOTS = 5;

    private final Object[][] arrays = new Object[SLOTS][Types.COUNT];

    /**
     * @param slot  which scratch array.
     * @param type  its element type.
     * @param count elements needed.
     * @return a primitive array of the type with at least {@code count} elements; its content is undefined.
     */
    public Object array(final int slot, final Datatype type, final int count)
    {
        final int index = Types.index(type);
        final Object array = arrays[slot][index];
        if (null != array && Array.getLength(array) >= count)
        {
            return array;
        }
        final Object grown = Array.newInstance(type.arrayClass().getComponentType(), count);
        arrays[slot][index] = grown;
        return grown;
    }
}
