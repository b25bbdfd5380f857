package mpi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The attributes cached on a datatype (MPI_Type_set_attr, ...); a communicator's are the runtime's
 * ({@link CommKeyvals}), as jmpi's own datatypes are the basic ones only. As in Open MPI's Java bindings a
 * value is stored serialized, so get returns a copy, and dup copies every attribute to the new object. Errors are
 * {@link FaceException}s for the owner's error handler: ERR_KEYVAL for a keyval that {@link #createKeyval()} did not
 * make or that is freed.
 */
final class Attributes
{
    /** User keyvals start above the predefined ones (TAG_UB ... UNIVERSE_SIZE). */
    private static final AtomicInteger NEXT_KEYVAL = new AtomicInteger(16);
    private static final Set<Integer> KEYVALS = ConcurrentHashMap.newKeySet();

    private final Map<Integer, byte[]> values = new HashMap<>();

    static int createKeyval()
    {
        final int keyval = NEXT_KEYVAL.getAndIncrement();
        KEYVALS.add(keyval);
        return keyval;
    }

    static void freeKeyval(final int keyval)
    {
        if (!KEYVALS.remove(keyval))
        {
            throw unknown(keyval);
        }
    }

    synchronized void set(final int keyval, final Object value)
    {
        check(keyval);
        values.put(keyval, serialize(value));
    }

    synchronized Object get(final int keyval)
    {
        check(keyval);
        final byte[] value = values.get(keyval);
        return null == value ? null : deserialize(value);
    }

    /**
     * @return the value serialized, as Open MPI's Java bindings store an attribute.
     * @throws FaceException ERR_ARG for a value that cannot be serialized.
     */
    static byte[] serialize(final Object value)
    {
        try
        {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes))
            {
                out.writeObject(value);
            }
            return bytes.toByteArray();
        }
        catch (final IOException ex)
        {
            throw new FaceException(MPI.ERR_ARG, "attribute value cannot be serialized: " + ex);
        }
    }

    /**
     * @return a copy of the serialized value.
     * @throws FaceException ERR_OTHER if it cannot be read back.
     */
    static Object deserialize(final byte[] value)
    {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(value)))
        {
            return in.readObject();
        }
        catch (final IOException | ClassNotFoundException ex)
        {
            throw new FaceException(MPI.ERR_OTHER, "attribute value cannot be read: " + ex);
        }
    }

    synchronized void delete(final int keyval)
    {
        check(keyval);
        values.remove(keyval);
    }

    synchronized void copyInto(final Attributes copy)
    {
        for (final Map.Entry<Integer, byte[]> entry : values.entrySet())
        {
            if (KEYVALS.contains(entry.getKey()))
            {
                copy.values.put(entry.getKey(), entry.getValue());
            }
        }
    }

    synchronized void clear()
    {
        values.clear();
    }

    private static void check(final int keyval)
    {
        if (!KEYVALS.contains(keyval))
        {
            throw unknown(keyval);
        }
    }

    private static FaceException unknown(final int keyval)
    {
        return new FaceException(MPI.ERR_KEYVAL, "keyval " + keyval + " was not created by createKeyval or is freed");
    }
}
