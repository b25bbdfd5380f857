package mpi;

/**
 * The view of {@link MPI#FLOAT_INT} buffers: items of a float value and an int index, as MINLOC and MAXLOC read them.
 * Use it as {@code MPI.floatInt.getData(buffer, i)}.
 */
public final class FloatInt extends Struct
{
    private final int value = addFloat();
    private final int index = addInt();

    FloatInt()
    {
    }

    /**
     * @return {@link MPI#FLOAT_INT}.
     */
    @Override
    public Datatype getType()
    {
        return MPI.FLOAT_INT;
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
