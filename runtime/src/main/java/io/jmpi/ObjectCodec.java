package io.jmpi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * The payload of an object message: Java serialization of a slice of an object array, the count, then the objects.
 * {@link Comm#sendObjects} and the mpiJava {@code MPI.OBJECT} datatype both use it, so that a program may receive
 * with one what it sent with the other. Received streams pass a deserialization filter (see {@link ObjectFilter}):
 * by default only classes of the program's class path and the JDK's value classes, in a bounded graph; the system
 * property {@value Mpi#SERIAL_FILTER_PROPERTY} replaces that with a filter in {@code jdk.serialFilter} syntax.
 */
public final class ObjectCodec
{
    private ObjectCodec()
    {
    }

    /**
     * @param objects the array.
     * @param offset  first object.
     * @param count   number of objects.
     * @return the serialized form.
     * @throws MpiException ERR_TYPE if an object is not serializable.
     */
    public static byte[] encode(final Object[] objects, final int offset, final int count)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes))
        {
            out.writeInt(count);
            for (int i = 0; i < count; i++)
            {
                out.writeObject(objects[offset + i]);
            }
        }
        catch (final IOException ex)
        {
            throw new MpiException(ErrorClass.ERR_TYPE, "cannot serialize the objects: " + ex);
        }
        return bytes.toByteArray();
    }

    /**
     * Decode up to {@code capacity} objects into the array.
     *
     * @param message  bytes made by {@link #encode}.
     * @param offset   where the message starts in {@code message}.
     * @param length   bytes of the message.
     * @param objects  array to fill.
     * @param at       first element to fill.
     * @param capacity most objects to store.
     * @return the number of objects in the message, which may exceed capacity.
     * @throws MpiException ERR_OTHER naming the class or the limit if the deserialization filter rejects the
     *                      stream; ERR_TYPE if the message cannot be deserialized otherwise.
     */
    public static int decode(
        final byte[] message, final int offset, final int length, final Object[] objects, final int at,
        final int capacity)
    {
        final ObjectFilter filter = new ObjectFilter(length);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(message, offset, length)))
        {
            in.setObjectInputFilter(filter);
            final int count = in.readInt();
            for (int i = 0; i < Math.min(count, capacity); i++)
            {
                objects[at + i] = in.readObject();
            }
            return count;
        }
        catch (final IOException | ClassNotFoundException ex)
        {
            if (null != filter.rejection())
            {
                throw new MpiException(ErrorClass.ERR_OTHER,
                    "the deserialization filter rejected the received objects: " + filter.rejection());
            }
            throw new MpiException(ErrorClass.ERR_TYPE, "cannot deserialize the received objects: " + ex);
        }
    }
}
