package mpi;

/**
 * The view of {@link MPI#INT2} buffers: items of a int value and an int index, as MINLOC and MAXLOC read them.
 * Use it as {@code MPI.int2.getData(buffer, i)}.
 */
public final class Int2 extends Struct
{
    private final int value = addInt();
    private final int index = addInt();

    Int2()
    {
    }

    /**
     * @return {@link MPI#INT2}.
     */
    @Override
    public Datatype getType()
    {
        return MPI.INT2;
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
