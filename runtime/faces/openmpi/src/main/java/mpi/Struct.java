package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import org.agrona.collections.IntArrayList;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A C-like struct laid out in byte buffers, as Open MPI's {@code Struct}: a subclass declares its fields in its
 * constructor with the {@code add*} methods, which return each field's byte offset (aligned as C aligns it), and
 * reads and writes items of a buffer through {@link Data} views. {@link #getType()} is the matching datatype, whose
 * base type is {@link MPI#BYTE}.
 */
public abstract class Struct
{
    private final IntArrayList offsets = new IntArrayList();
    private final List<Datatype> types = new ArrayList<>();
    private int size;
    private int alignment = 1;
    private Datatype type;

    /**
     * An empty struct; the subclass adds its fields.
     */
    protected Struct()
    {
    }

    /**
     * @return a new view object of the subclass's kind.
     */
    protected abstract Data newData();

    /**
     * @return the bytes of one item, padding included.
     * @throws MPIException never; declared as in Open MPI.
     */
    public final int getExtent() throws MPIException
    {
        return (size + alignment - 1) / alignment * alignment;
    }

    /**
     * @return the datatype of one item (built on first use).
     * @throws MPIException if the struct has no field.
     */
    public Datatype getType() throws MPIException
    {
        synchronized (this)
        {
            if (null == type)
            {
                final int[] lengths = new int[types.size()];
                java.util.Arrays.fill(lengths, 1);
                type = Datatype.createResized(
                    Datatype.createStruct(lengths, offsets.toIntArray(), types.toArray(new Datatype[0])), 0,
                    getExtent());
            }
            return type;
        }
    }

    /**
     * @param buffer a byte buffer of items.
     * @param <T>    the view class of the subclass, such as {@link Int2.Data}.
     * @return a view of its first item.
     * @throws MPIException never; declared as in Open MPI.
     */
    public final <T extends Data> T getData(final ByteBuffer buffer) throws MPIException
    {
        return getData(buffer, 0);
    }

    /**
     * @param buffer a byte buffer of items.
     * @param index  the item.
     * @param <T>    the view class of the subclass, such as {@link Int2.Data}.
     * @return a view of it.
     * @throws MPIException never; declared as in Open MPI.
     */
    @SuppressWarnings("unchecked")
    public final <T extends Data> T getData(final ByteBuffer buffer, final int index) throws MPIException
    {
        final Data data = newData();
        data.buffer = buffer;
        data.offset = index * getExtent();
        return (T)data;
    }

    /**
     * @return the offset of a new byte field.
     */
    protected final int addByte()
    {
        return add(MPI.BYTE, 1);
    }

    /**
     * @return the offset of a new char field (two bytes).
     */
    protected final int addChar()
    {
        return add(MPI.CHAR, 2);
    }

    /**
     * @return the offset of a new short field.
     */
    protected final int addShort()
    {
        return add(MPI.SHORT, 2);
    }

    /**
     * @return the offset of a new boolean field (one byte).
     */
    protected final int addBoolean()
    {
        return add(MPI.BOOLEAN, 1);
    }

    /**
     * @return the offset of a new int field.
     */
    protected final int addInt()
    {
        return add(MPI.INT, 4);
    }

    /**
     * @return the offset of a new long field.
     */
    protected final int addLong()
    {
        return add(MPI.LONG, 8);
    }

    /**
     * @return the offset of a new float field.
     */
    protected final int addFloat()
    {
        return add(MPI.FLOAT, 4);
    }

    /**
     * @return the offset of a new double field.
     */
    protected final int addDouble()
    {
        return add(MPI.DOUBLE, 8);
    }

    private int add(final Datatype fieldType, final int bytes)
    {
        if (null != type)
        {
            throw new MpiException(ErrorClass.ERR_TYPE, "a struct's fields are added before its type is used");
        }
        final int offset = (size + bytes - 1) / bytes * bytes;
        offsets.addInt(offset);
        types.add(fieldType);
        size = offset + bytes;
        alignment = Math.max(alignment, bytes);
        return offset;
    }

    /**
     * A view of one item of a buffer; subclasses add typed accessors for their fields.
     */
    public abstract class Data
    {
        private ByteBuffer buffer;
        private int offset;

        /**
         * @return the buffer of the item.
         */
        protected final ByteBuffer getBuffer()
        {
            return buffer;
        }

        /**
         * @return the item's first byte in the buffer.
         */
        protected final int getOffset()
        {
            return offset;
        }

        /**
         * @param field offset of the field.
         * @return its value.
         */
        protected final byte getByte(final int field)
        {
            return buffer.get(offset + field);
        }

        /**
         * @param field offset of the field.
         * @param value its new value.
         */
        protected final void putByte(final int field, final byte value)
        {
            buffer.put(offset + field, value);
        }

        /**
         * @param field offset of the field.
         * @return its value.
         */
        protected final char getChar(final int field)
        {
            return buffer.getChar(offset + field);
        }

        /**
         * @param field offset of the field.
         * @param value its new value.
         */
        protected final void putChar(final int field, final char value)
        {
            buffer.putChar(offset + field, value);
        }

        /**
         * @param field offset of the field.
         * @return its value.
         */
        protected final short getShort(final int field)
        {
            return buffer.getShort(offset + field);
        }

        /**
         * @param field offset of the field.
         * @param value its new value.
         */
        protected final void putShort(final int field, final short value)
        {
            buffer.putShort(offset + field, value);
        }

        /**
         * @param field offset of the field.
         * @return its value.
         */
        protected final boolean getBoolean(final int field)
        {
            return 0 != buffer.get(offset + field);
        }

        /**
         * @param field offset of the field.
         * @param value its new value.
         */
        protected final void putBoolean(final int field, final boolean value)
        {
            buffer.put(offset + field, value ? (byte)1 : (byte)0);
        }

        /**
         * @param field offset of the field.
         * @return its value.
         */
        protected final int getInt(final int field)
        {
            return buffer.getInt(offset + field);
        }

        /**
         * @param field offset of the field.
         * @param value its new value.
         */
        protected final void putInt(final int field, final int value)
        {
            buffer.putInt(offset + field, value);
        }

        /**
         * @param field offset of the field.
         * @return its value.
         */
        protected final long getLong(final int field)
        {
            return buffer.getLong(offset + field);
        }

        /**
         * @param field offset of the field.
         * @param value its new value.
         */
        protected final void putLong(final int field, final long value)
        {
            buffer.putLong(offset + field, value);
        }

        /**
         * @param field offset of the field.
         * @return its value.
         */
        protected final float getFloat(final int field)
        {
            return buffer.getFloat(offset + field);
        }

        /**
         * @param field offset of the field.
         * @param value its new value.
         */
        protected final void putFloat(final int field, final float value)
        {
            buffer.putFloat(offset + field, value);
        }

        /**
         * @param field offset of the field.
         * @return its value.
         */
        protected final double getDouble(final int field)
        {
            return buffer.getDouble(offset + field);
        }

        /**
         * @param field offset of the field.
         * @param value its new value.
         */
        protected final void putDouble(final int field, final double value)
        {
            buffer.putDouble(offset + field, value);
        }
    }
}
