package mpi;

/**
 * The topology of a {@link Cartcomm}, from {@link Cartcomm#Get()} (MPI_Cart_get; the number of dimensions,
 * MPI_Cartdim_get, is {@code dims.length}).
 */
public class CartParms
{
    /** Processes in each dimension. */
    public int[] dims;
    /** Whether each dimension wraps around. */
    public boolean[] periods;
    /** Coordinates of this process. */
    public int[] coords;

    CartParms(final int[] dims, final boolean[] periods, final int[] coords)
    {
        this.dims = dims;
        this.periods = periods;
        this.coords = coords;
    }
}
