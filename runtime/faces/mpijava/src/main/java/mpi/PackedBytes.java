package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import io.jmpi.ObjectCodec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The byte layout of {@link Comm#Pack} and {@link Comm#Unpack}: the selected elements one after another in the
 * machine's byte order (the order jmpi sends in), a boolean as one byte; objects as a 4-byte length and their
 * serialized form.
 */
final class PackedBytes
{
    private static final int LENGTH_BYTES = 4;

    private PackedBytes()
    {
    }

    /**
     * MPI_Pack.
     *
     * @return the position after the packed data.
     */
    static int pack(
        final Object inbuf, final int offset, final int count, final Datatype type, final byte[] outbuf,
        final int position)
    {
        final Object elements;
        final int from;
        if (type.contiguous)
        {
            type.checkItems(inbuf, offset, count);
            elements = inbuf;
            from = offset;
        }
        else
        {
            elements = type.pack(inbuf, offset, count);
            from = 0;
        }
        if (BaseType.OBJECT == type.base)
        {
            final byte[] encoded = ObjectCodec.encode((Object[])elements, from, count * type.size);
            view(outbuf, position, LENGTH_BYTES + encoded.length).putInt(encoded.length).put(encoded);
            return position + LENGTH_BYTES + encoded.length;
        }
        final int length = count * type.size;
        final ByteBuffer view = view(outbuf, position, length * type.base.bytes());
        switch (type.base)
        {
            case BYTE -> view.put((byte[])elements, from, length);
            case CHAR -> view.asCharBuffer().put((char[])elements, from, length);
            case SHORT -> view.asShortBuffer().put((short[])elements, from, length);
            case INT -> view.asIntBuffer().put((int[])elements, from, length);
            case LONG -> view.asLongBuffer().put((long[])elements, from, length);
            case FLOAT -> view.asFloatBuffer().put((float[])elements, from, length);
            case DOUBLE -> view.asDoubleBuffer().put((double[])elements, from, length);
            default ->
            {
                final boolean[] flags = (boolean[])elements;
                for (int i = 0; i < length; i++)
                {
                    view.put(flags[from + i] ? (byte)1 : (byte)0);
                }
            }
        }
        return position + length * type.base.bytes();
    }

    /**
     * MPI_Unpack.
     *
     * @return the position after the unpacked data.
     */
    static int unpack(
        final byte[] inbuf, final int position, final Object outbuf, final int offset, final int count,
        final Datatype type)
    {
        type.checkItems(outbuf, offset, count);
        final boolean staged = !type.contiguous;
        final int length = count * type.size;
        final Object elements = staged ? type.base.newArray(length) : outbuf;
        final int to = staged ? 0 : offset;
        final int end;
        if (BaseType.OBJECT == type.base)
        {
            final int encoded = view(inbuf, position, LENGTH_BYTES).getInt();
            view(inbuf, position + LENGTH_BYTES, encoded);
            final int objects = ObjectCodec.decode(
                inbuf, position + LENGTH_BYTES, encoded, (Object[])elements, to, length);
            if (objects != length)
            {
                throw new MpiException(ErrorClass.ERR_TRUNCATE, "packed data holds " + objects + " objects, not " +
                    length);
            }
            end = position + LENGTH_BYTES + encoded;
        }
        else
        {
            final ByteBuffer view = view(inbuf, position, length * type.base.bytes());
            switch (type.base)
            {
                case BYTE -> view.get((byte[])elements, to, length);
                case CHAR -> view.asCharBuffer().get((char[])elements, to, length);
                case SHORT -> view.asShortBuffer().get((short[])elements, to, length);
                case INT -> view.asIntBuffer().get((int[])elements, to, length);
                case LONG -> view.asLongBuffer().get((long[])elements, to, length);
                case FLOAT -> view.asFloatBuffer().get((float[])elements, to, length);
                case DOUBLE -> view.asDoubleBuffer().get((double[])elements, to, length);
                default ->
                {
                    final boolean[] flags = (boolean[])elements;
                    for (int i = 0; i < length; i++)
                    {
                        flags[to + i] = 0 != view.get();
                    }
                }
            }
            end = position + length * type.base.bytes();
        }
        if (staged)
        {
            type.unpack(elements, 0, length, outbuf, offset);
        }
        return end;
    }

    /**
     * MPI_Pack_size.
     *
     * @return the bytes that packing {@code count} items takes.
     */
    static int size(final int count, final Datatype type)
    {
        if (BaseType.OBJECT == type.base || null == type.base)
        {
            throw new MpiException(ErrorClass.ERR_TYPE, "the packed size of " + type +
                " is not known before packing: serialized objects have no fixed size");
        }
        return count * type.size * type.base.bytes();
    }

    private static ByteBuffer view(final byte[] bytes, final int position, final int length)
    {
        if (null == bytes)
        {
            throw new MpiException(ErrorClass.ERR_BUFFER, "packing buffer is null");
        }
        if (position < 0 || length < 0 || (long)position + length > bytes.length)
        {
            throw new MpiException(ErrorClass.ERR_TRUNCATE, "packed data of " + length + " bytes at position " +
                position + " does not fit a byte array of " + bytes.length);
        }
        return ByteBuffer.wrap(bytes, position, length).slice().order(ByteOrder.nativeOrder());
    }
}
