package mpi;

/**
 * The view of {@link MPI#INT2} buffers: items of a int value at byte 0 and an int index at byte 4, laid out
 * as C lays out the pair, 8 bytes each. Use it as {@code Int2.Data d = MPI.int2.getData(buffer, i)}.
 */
public final class Int2 extends Struct
{
    private final int value;
    private final int index;

    Int2()
    {
        value = addInt();
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
        public int getValue()
        {
            return getInt(value);
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
        public void putValue(final int v)
        {
            putInt(value, v);
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
