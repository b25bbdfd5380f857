package mpi;

/**
 * The view of {@link MPI#LONG_INT} buffers: items of a long value and an int index, as MINLOC and MAXLOC read them.
 * Use it as {@code MPI.longInt.getData(buffer, i)}.
 */
public final class LongInt extends Struct
{
    private final int value = addLong();
    private final int index = addInt();

    LongInt()
    {
    }

    /**
     * @return {@link MPI#LONG_INT}.
     */
    @Override
    public Datatype getType()
    {
        return MPI.LONG_INT;
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
