package mpi;

/**
 * The view of {@link MPI#SHORT_INT} buffers: items of a short value and an int index, as MINLOC and MAXLOC read them.
 * Use it as {@code MPI.shortInt.getData(buffer, i)}.
 */
public final class ShortInt extends Struct
{
    private final int value = addShort();
    private final int index = addInt();

    ShortInt()
    {
    }

    /**
     * @return {@link MPI#SHORT_INT}.
     */
    @Override
    public Datatype getType()
    {
        return MPI.SHORT_INT;
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
