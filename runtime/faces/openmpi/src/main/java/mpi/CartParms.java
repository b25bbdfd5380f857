package mpi;

/**
 * The topology of a {@link CartComm} (MPI_Cart_get): its dimensions, their periodicity, and this process's
 * coordinates.
 */
public final class CartParms
{
    private final int[] dims;
    private final boolean[] periods;
    private final int[] coords;

    CartParms(final int[] dims, final boolean[] periods, final int[] coords)
    {
        this.dims = dims;
        this.periods = periods;
        this.coords = coords;
    }

    /**
     * @return the number of dimensions.
     */
    public int getDimCount()
    {
        return dims.length;
    }

    /**
     * @param i a dimension.
     * @return the processes along it.
     */
    public int getDim(final int i)
    {
        return dims[i];
    }

    /**
     * @param i a dimension.
     * @return true if it wraps around.
     */
    public boolean getPeriod(final int i)
    {
        return periods[i];
    }

    /**
     * @param i a dimension.
     * @return this process's coordinate along it.
     */
    public int getCoord(final int i)
    {
        return coords[i];
    }
}
