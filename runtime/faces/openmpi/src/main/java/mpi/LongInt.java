package mpi;

/**
 * The view of {@link MPI#LONG_INT} buffers: items of a long value at byte 0 and an int index at byte 8, laid out
 * as C lays out the pair, 16 bytes each. Use it as {@code LongInt.Data d = MPI.longInt.getData(buffer, i)}.
 */
public final class LongInt extends Struct
{
    private final int value;
    private final int index;

    LongInt()
    {
        value = addLong();
        index = setOffset(8).addInt();
        setOffset(16);
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
        public long getValue()
        {
            return getLong(value);
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
        public void putValue(final long v)
        {
            putLong(value, v);
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
