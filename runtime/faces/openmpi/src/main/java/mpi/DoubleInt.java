package mpi;

/**
 * The view of {@link MPI#DOUBLE_INT} buffers: items of a double value at byte 0 and an int index at byte 8, laid out
 * as C lays out the pair, 16 bytes each. Use it as {@code DoubleInt.Data d = MPI.doubleInt.getData(buffer, i)}.
 */
public final class DoubleInt extends Struct
{
    private final int value;
    private final int index;

    DoubleInt()
    {
        value = addDouble();
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
        public double getValue()
        {
            return getDouble(value);
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
        public void putValue(final double v)
        {
            putDouble(value, v);
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
