package io.jmpi.coll.base;

import io.jmpi.Datatype;
import org.agrona.DirectBuffer;

import java.nio.ByteBuffer;

/**
 * The datatype of a user buffer, as {@link io.jmpi.Comm} infers it: a primitive array gives its element type, a
 * ByteBuffer or an Agrona DirectBuffer is {@link Datatype#BYTE}.
 */
public final class Types
{
    /** Number of datatypes, the bound of {@link #index(Datatype)}. */
    public static final int COUNT = 8;

    private Types()
    {
    }

    /**
     * @param buffer a buffer, not null.
     * @return its datatype, or null if jmpi does not support that kind of buffer.
     */
    public static Datatype of(final Object buffer)
    {
        final Datatype type = Datatype.ofArray(buffer);
        if (null != type)
        {
            return type;
        }
        return buffer instanceof ByteBuffer || buffer instanceof DirectBuffer ? Datatype.BYTE : null;
    }

    /**
     * @param type a datatype.
     * @return a dense index for it, {@code 0..COUNT-1}, to key per-type tables.
     */
    public static int index(final Datatype type)
    {
        if (Datatype.BYTE == type)
        {
            return 0;
        }
        if (Datatype.SHORT == type)
        {
            return 1;
        }
        if (Datatype.INT == type)
        {
            return 2;
        }
        if (Datatype.LONG == type)
        {
            return 3;
        }
        if (Datatype.FLOAT == type)
        {
            return 4;
        }
        if (Datatype.DOUBLE == type)
        {
            return 5;
        }
        if (Datatype.CHAR == type)
        {
            return 6;
        }
        return 7;
    }
}
