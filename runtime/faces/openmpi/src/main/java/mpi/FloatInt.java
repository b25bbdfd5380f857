package mpi;

/**
 * The view of {@link MPI#FLOAT_INT} buffers: items of a float value at byte 0 and an int index at byte 4, laid out
 * as C lays out the pair, 8 bytes each. Use it as {@code FloatInt.Data d = MPI.floatInt.getData(buffer, i)}.
 */
public final class FloatInt extends Struct
{
    private final int value;
    private final int index;

    FloatInt()
    {
        value = addFloat();
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
        public float getValue()
        {
            return getFloat(value);
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
        public void putValue(final float v)
        {
            putFloat(value, v);
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
