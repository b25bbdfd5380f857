package mpi;

/**
 * The view of {@link MPI#SHORT_INT} buffers: items of a short value at byte 0 and an int index at byte 4, laid out
 * as C lays out the pair, 8 bytes each. Use it as {@code ShortInt.Data d = MPI.shortInt.getData(buffer, i)}.
 */
public final class ShortInt extends Struct
{
    private final int value;
    private final int index;

    ShortInt()
    {
        value = addShort();
        index = setOffset(4).addInt();
        setOffset(8);
    }

    @Override
    protected Data newData()
    {
        return new Data();
    }

    /**
     * One (value, index) item of a buffer.
     */
    public final class Data extends Struct.Data
    {
        /**
         * @return the value.
         */
        public short getValue()
        {
            return getShort(value);
        }

        /**
         * @return the index.
         */
        public int getIndex()
        {
            return getInt(index);
        }

        /**
         * @param v the new value.
         */
        public void putValue(final short v)
        {
            putShort(value, v);
        }

        /**
         * @param i the new index.
         */
        public void putIndex(final int i)
        {
            putInt(index, i);
        }
    }
}
