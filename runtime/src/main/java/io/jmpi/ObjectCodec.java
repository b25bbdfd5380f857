package io.jmpi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * Java serialization of a slice of an object array into one message: the count, then the objects.
 */
final class ObjectCodec
{
    private ObjectCodec()
    {
    }

    static byte[] encode(final Object[] objects, final int offset, final int count)
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
     * @return the number of objects in the message, which may exceed capacity.
     */
    static int decode(final byte[] message, final Object[] objects, final int offset, final int capacity)
    {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(message)))
        {
            final int count = in.readInt();
            for (int i = 0; i < Math.min(count, capacity); i++)
            {
                objects[offset + i] = in.readObject();
            }
            return count;
        }
        catch (final IOException | ClassNotFoundException ex)
        {
            throw new MpiException(ErrorClass.ERR_TYPE, "cannot deserialize the received objects: " + ex);
        }
    }
}
