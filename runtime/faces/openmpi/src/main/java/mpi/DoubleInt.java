package mpi;

/**
 * The view of {@link MPI#DOUBLE_INT} buffers: items of a double value and an int index, as MINLOC and MAXLOC read them.
 * Use it as {@code MPI.doubleInt.getData(buffer, i)}.
 */
public final class DoubleInt extends Struct
{
    private final int value = addDouble();
    private final int index = addInt();

    DoubleInt()
    {
    }

    /**
     * @return {@link MPI#DOUBLE_INT}.
     */
    @Override
    public Datatype getType()
    {
        return MPI.DOUBLE_INT;
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
