package mpi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A C-like struct laid out in byte buffers, as Open MPI's {@code Struct}: a subclass declares its fields in its
 * constructor with the {@code add*} methods, which place each field right after the previous one (as Open MPI does:
 * no padding is added; {@link #setOffset} moves the next field, to follow a C layout) and return its byte offset,
 * and reads and writes the items of a buffer through {@link Data} views. {@link #getType()} is the matching
 * datatype, whose base type is {@link MPI#BYTE} and whose extent is {@link #getExtent()}.
 */
public abstract class Struct
{
    private final List<Datatype> types = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private int extent;
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
     * @return the bytes of one item: the end of the last field, or a later offset set by {@link #setOffset}.
     * @throws MPIException never; declared as in Open MPI.
     */
    public final int getExtent() throws MPIException
    {
        return extent;
    }

    /**
     * @return the datatype of one item, built and committed on first use; no field can be added afterwards.
     * @throws MPIException if the struct has a field of a freed type.
     */
    public final Datatype getType() throws MPIException
    {
        synchronized (this)
        {
            if (null == type)
            {
                final int[] blockLengths = new int[types.size()];
                final int[] displacements = new int[types.size()];
                for (int i = 0; i < blockLengths.length; i++)
                {
                    blockLengths[i] = lengths.get(i);
                    displacements[i] = offsets.get(i);
                }
                type = Datatype.createResized(
                    Datatype.createStruct(blockLengths, displacements, types.toArray(new Datatype[0])), 0, extent);
                type.commit();
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
        return view(buffer, 0);
    }

    /**
     * @param buffer a byte buffer of items.
     * @param index  the item.
     * @param <T>    the view class of the subclass, such as {@link Int2.Data}.
     * @return a view of it.
     * @throws MPIException never; declared as in Open MPI.
     */
    public final <T extends Data> T getData(final ByteBuffer buffer, final int index) throws MPIException
    {
        return view(buffer, index * extent);
    }

    /**
     * @param array a byte array of items, read and written in native byte order.
     * @param <T>   the view class of the subclass.
     * @return a view of its first item.
     * @throws MPIException never; declared as in Open MPI.
     */
    public final <T extends Data> T getData(final byte[] array) throws MPIException
    {
        return getData(ByteBuffer.wrap(array).order(ByteOrder.nativeOrder()));
    }

    /**
     * @param array a byte array of items, read and written in native byte order.
     * @param index the item.
     * @param <T>   the view class of the subclass.
     * @return a view of it.
     * @throws MPIException never; declared as in Open MPI.
     */
    public final <T extends Data> T getData(final byte[] array, final int index) throws MPIException
    {
        return getData(ByteBuffer.wrap(array).order(ByteOrder.nativeOrder()), index);
    }

    /**
     * Move the offset of the next field, to lay fields out as a C compiler would.
     *
     * @param offset the next field's offset, at least the current extent.
     * @return this struct, to chain the calls.
     * @throws IllegalArgumentException if the offset is below the current extent.
     */
    public final Struct setOffset(final int offset)
    {
        checkOpen();
        if (offset < extent)
        {
            throw new IllegalArgumentException("The offset must be greater or equal to the accumulated extent.");
        }
        extent = offset;
        return this;
    }

    /**
     * @return the offset of a new byte field.
     */
    public final int addByte()
    {
        return addByte(1);
    }

    /**
     * @param length elements of the array.
     * @return the offset of a new array of byte.
     */
    public final int addByte(final int length)
    {
        return addField(MPI.BYTE, 1, length);
    }

    /**
     * @return the offset of a new char field.
     */
    public final int addChar()
    {
        return addChar(1);
    }

    /**
     * @param length elements of the array.
     * @return the offset of a new array of char.
     */
    public final int addChar(final int length)
    {
        return addField(MPI.CHAR, 2, length);
    }

    /**
     * @return the offset of a new short field.
     */
    public final int addShort()
    {
        return addShort(1);
    }

    /**
     * @param length elements of the array.
     * @return the offset of a new array of short.
     */
    public final int addShort(final int length)
    {
        return addField(MPI.SHORT, 2, length);
    }

    /**
     * @return the offset of a new int field.
     */
    public final int addInt()
    {
        return addInt(1);
    }

    /**
     * @param length elements of the array.
     * @return the offset of a new array of int.
     */
    public final int addInt(final int length)
    {
        return addField(MPI.INT, 4, length);
    }

    /**
     * @return the offset of a new long field.
     */
    public final int addLong()
    {
        return addLong(1);
    }

    /**
     * @param length elements of the array.
     * @return the offset of a new array of long.
     */
    public final int addLong(final int length)
    {
        return addField(MPI.LONG, 8, length);
    }

    /**
     * @return the offset of a new float field.
     */
    public final int addFloat()
    {
        return addFloat(1);
    }

    /**
     * @param length elements of the array.
     * @return the offset of a new array of float.
     */
    public final int addFloat(final int length)
    {
        return addField(MPI.FLOAT, 4, length);
    }

    /**
     * @return the offset of a new double field.
     */
    public final int addDouble()
    {
        return addDouble(1);
    }

    /**
     * @param length elements of the array.
     * @return the offset of a new array of double.
     */
    public final int addDouble(final int length)
    {
        return addField(MPI.DOUBLE, 8, length);
    }

    /**
     * @return the offset of a new boolean field.
     */
    public final int addBoolean()
    {
        return addBoolean(1);
    }

    /**
     * @param length elements of the array.
     * @return the offset of a new array of boolean.
     */
    public final int addBoolean(final int length)
    {
        return addField(MPI.BOOLEAN, 1, length);
    }

    /**
     * @param struct the struct of the new field.
     * @return its offset.
     * @throws MPIException if the struct's type cannot be built.
     */
    public final int addStruct(final Struct struct) throws MPIException
    {
        return addStruct(struct, 1);
    }

    /**
     * @param struct the struct of the new array.
     * @param length elements of the array.
     * @return its offset.
     * @throws MPIException if the struct's type cannot be built.
     */
    public final int addStruct(final Struct struct, final int length) throws MPIException
    {
        return addField(struct.getType(), struct.getExtent(), length);
    }

    /**
     * @param type the datatype of the new field.
     * @return its offset.
     * @throws MPIException if the type is freed.
     */
    public final int addData(final Datatype type) throws MPIException
    {
        return addData(type, 1);
    }

    /**
     * @param type   the datatype of the new array.
     * @param length elements of the array.
     * @return its offset.
     * @throws MPIException if the type is freed.
     */
    public final int addData(final Datatype type, final int length) throws MPIException
    {
        return addField(type, type.getExtent() * type.base.size, length);
    }

    @SuppressWarnings("unchecked")
    final <T extends Data> T view(final ByteBuffer buffer, final int offset)
    {
        final Data data = newData();
        data.buffer = buffer;
        data.offset = offset;
        return (T)data;
    }

    private int addField(final Datatype fieldType, final int bytes, final int length)
    {
        checkOpen();
        final int offset = extent;
        types.add(fieldType);
        offsets.add(offset);
        lengths.add(length);
        extent += bytes * length;
        return offset;
    }

    private void checkOpen()
    {
        if (null != type)
        {
            throw new AssertionError("The struct data type was committed.");
        }
    }

    /**
     * A view of one item of a buffer; subclasses add typed accessors for their fields.
     */
    public abstract class Data
    {
        private ByteBuffer buffer;
        private int offset;

        /**
         * @return the item's bytes: the buffer itself for the first item, else a slice from the item on, for use in
         * send and receive calls.
         */
        public final ByteBuffer getBuffer()
        {
            return 0 == offset ? buffer : MPI.slice(buffer, offset);
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
         * @param field offset of the array.
         * @param index element of the array.
         * @return its value.
         */
        protected final byte getByte(final int field, final int index)
        {
            return buffer.get(offset + field + index * 1);
        }

        /**
         * @param field offset of the field.
         * @param v     its new value.
         */
        protected final void putByte(final int field, final byte v)
        {
            buffer.put(offset + field, v);
        }

        /**
         * @param field offset of the array.
         * @param index element of the array.
         * @param v     its new value.
         */
        protected final void putByte(final int field, final int index, final byte v)
        {
            buffer.put(offset + field + index * 1, v);
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
         * @param field offset of the array.
         * @param index element of the array.
         * @return its value.
         */
        protected final char getChar(final int field, final int index)
        {
            return buffer.getChar(offset + field + index * 2);
        }

        /**
         * @param field offset of the field.
         * @param v     its new value.
         */
        protected final void putChar(final int field, final char v)
        {
            buffer.putChar(offset + field, v);
        }

        /**
         * @param field offset of the array.
         * @param index element of the array.
         * @param v     its new value.
         */
        protected final void putChar(final int field, final int index, final char v)
        {
            buffer.putChar(offset + field + index * 2, v);
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
         * @param field offset of the array.
         * @param index element of the array.
         * @return its value.
         */
        protected final short getShort(final int field, final int index)
        {
            return buffer.getShort(offset + field + index * 2);
        }

        /**
         * @param field offset of the field.
         * @param v     its new value.
         */
        protected final void putShort(final int field, final short v)
        {
            buffer.putShort(offset + field, v);
        }

        /**
         * @param field offset of the array.
         * @param index element of the array.
         * @param v     its new value.
         */
        protected final void putShort(final int field, final int index, final short v)
        {
            buffer.putShort(offset + field + index * 2, v);
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
         * @param field offset of the array.
         * @param index element of the array.
         * @return its value.
         */
        protected final int getInt(final int field, final int index)
        {
            return buffer.getInt(offset + field + index * 4);
        }

        /**
         * @param field offset of the field.
         * @param v     its new value.
         */
        protected final void putInt(final int field, final int v)
        {
            buffer.putInt(offset + field, v);
        }

        /**
         * @param field offset of the array.
         * @param index element of the array.
         * @param v     its new value.
         */
        protected final void putInt(final int field, final int index, final int v)
        {
            buffer.putInt(offset + field + index * 4, v);
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
         * @param field offset of the array.
         * @param index element of the array.
         * @return its value.
         */
        protected final long getLong(final int field, final int index)
        {
            return buffer.getLong(offset + field + index * 8);
        }

        /**
         * @param field offset of the field.
         * @param v     its new value.
         */
        protected final void putLong(final int field, final long v)
        {
            buffer.putLong(offset + field, v);
        }

        /**
         * @param field offset of the array.
         * @param index element of the array.
         * @param v     its new value.
         */
        protected final void putLong(final int field, final int index, final long v)
        {
            buffer.putLong(offset + field + index * 8, v);
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
         * @param field offset of the array.
         * @param index element of the array.
         * @return its value.
         */
        protected final float getFloat(final int field, final int index)
        {
            return buffer.getFloat(offset + field + index * 4);
        }

        /**
         * @param field offset of the field.
         * @param v     its new value.
         */
        protected final void putFloat(final int field, final float v)
        {
            buffer.putFloat(offset + field, v);
        }

        /**
         * @param field offset of the array.
         * @param index element of the array.
         * @param v     its new value.
         */
        protected final void putFloat(final int field, final int index, final float v)
        {
            buffer.putFloat(offset + field + index * 4, v);
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
         * @param field offset of the array.
         * @param index element of the array.
         * @return its value.
         */
        protected final double getDouble(final int field, final int index)
        {
            return buffer.getDouble(offset + field + index * 8);
        }

        /**
         * @param field offset of the field.
         * @param v     its new value.
         */
        protected final void putDouble(final int field, final double v)
        {
            buffer.putDouble(offset + field, v);
        }

        /**
         * @param field offset of the array.
         * @param index element of the array.
         * @param v     its new value.
         */
        protected final void putDouble(final int field, final int index, final double v)
        {
            buffer.putDouble(offset + field + index * 8, v);
        }

        /**
         * @param field offset of the field.
         * @return its value: a byte other than 0 is true.
         */
        protected final boolean getBoolean(final int field)
        {
            return 0 != buffer.get(offset + field);
        }

        /**
         * @param field offset of the array.
         * @param index element of the array.
         * @return its value.
         */
        protected final boolean getBoolean(final int field, final int index)
        {
            return 0 != buffer.get(offset + field + index);
        }

        /**
         * @param field offset of the field.
         * @param v     its new value, stored as 1 or 0.
         */
        protected final void putBoolean(final int field, final boolean v)
        {
            buffer.put(offset + field, v ? (byte)1 : (byte)0);
        }

        /**
         * @param field offset of the array.
         * @param index element of the array.
         * @param v     its new value.
         */
        protected final void putBoolean(final int field, final int index, final boolean v)
        {
            buffer.put(offset + field + index, v ? (byte)1 : (byte)0);
        }

        /**
         * @param struct the struct of a nested field.
         * @param field  offset of the field.
         * @param index  element of an array of structs.
         * @param <S>    the view class of that struct.
         * @return a view of the nested struct.
         * @throws MPIException never; declared as in Open MPI.
         */
        protected final <S extends Data> S getData(final Struct struct, final int field, final int index)
            throws MPIException
        {
            return struct.view(buffer, offset + field + index * struct.getExtent());
        }

        /**
         * @param struct the struct of a nested field.
         * @param field  offset of the field.
         * @param <S>    the view class of that struct.
         * @return a view of the nested struct.
         * @throws MPIException never; declared as in Open MPI.
         */
        protected final <S extends Data> S getData(final Struct struct, final int field) throws MPIException
        {
            return getData(struct, field, 0);
        }
    }
}
