package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

/**
 * A communicator with a Cartesian topology (MPI_Cart_create): ranks laid out row-major on a grid whose dimensions
 * may wrap around. Its neighbours, for the neighbour collectives, are along each dimension in turn the process
 * before and the one after (PROC_NULL off a non-periodic edge), as MPI orders them.
 */
public final class CartComm extends Intracomm
{
    private final int[] dims;
    private final boolean[] periods;

    CartComm(final io.jmpi.Comm comm, final Errhandler errhandler, final int[] dims, final boolean[] periods)
    {
        super(comm, errhandler, null);
        this.dims = dims;
        this.periods = periods;
    }

    /**
     * MPI_Comm_dup, keeping the topology.
     *
     * @return the copy.
     * @throws MPIException under ERRORS_RETURN.
     */
    @Override
    public CartComm dup() throws MPIException
    {
        try
        {
            return new CartComm(jmpi().dup(), errhandler(), dims, periods);
        }
        catch (final MpiException ex)
        {
            throw raise("dup", ex);
        }
    }

    /**
     * MPI_Comm_dup_with_info: as {@link #dup()}; jmpi reads no hints.
     *
     * @param info hints, ignored.
     * @return the copy.
     * @throws MPIException under ERRORS_RETURN.
     */
    @Override
    public CartComm dupWithInfo(final Info info) throws MPIException
    {
        return dup();
    }

    /**
     * MPI_Comm_idup, completed at once.
     *
     * @return the copy; its {@link #getRequest()} is complete.
     * @throws MPIException under ERRORS_RETURN.
     */
    @Override
    public CartComm iDup() throws MPIException
    {
        final CartComm copy = dup();
        copy.completedDup();
        return copy;
    }

    /**
     * As {@link #dup()}, for Java's clone.
     *
     * @return the copy.
     */
    @Override
    public CartComm clone()
    {
        try
        {
            return dup();
        }
        catch (final MPIException ex)
        {
            throw new RuntimeException(ex.getMessage());
        }
    }

    /**
     * @return {@link MPI#CART}.
     */
    @Override
    public int getTopology()
    {
        return MPI.CART;
    }

    /**
     * MPI_Cartdim_get and MPI_Cart_get.
     *
     * @return the dimensions, periods and this process's coordinates.
     * @throws MPIException under ERRORS_RETURN.
     */
    public CartParms getTopo() throws MPIException
    {
        return new CartParms(dims.clone(), periods.clone(), getCoords(getRank()));
    }

    /**
     * MPI_Cart_rank.
     *
     * @param coords coordinates; on a periodic dimension any value, taken modulo its size.
     * @return the rank at those coordinates.
     * @throws MPIException under ERRORS_RETURN: ERR_ARG for a coordinate off a non-periodic dimension.
     */
    public int getRank(final int[] coords) throws MPIException
    {
        try
        {
            if (null == coords || coords.length != dims.length)
            {
                throw new MpiException(ErrorClass.ERR_ARG, "coordinates need one entry per dimension");
            }
            int rank = 0;
            for (int d = 0; d < dims.length; d++)
            {
                int coord = coords[d];
                if (periods[d])
                {
                    coord = Math.floorMod(coord, dims[d]);
                }
                else if (coord < 0 || coord >= dims[d])
                {
                    throw new MpiException(ErrorClass.ERR_ARG, "coordinate " + coord + " of dimension " + d +
                        " is not in 0.." + (dims[d] - 1));
                }
                rank = rank * dims[d] + coord;
            }
            return rank;
        }
        catch (final MpiException ex)
        {
            throw raise("getRank", ex);
        }
    }

    /**
     * MPI_Cart_coords.
     *
     * @param rank a rank of the communicator.
     * @return its coordinates.
     * @throws MPIException under ERRORS_RETURN: ERR_RANK for a rank out of range.
     */
    public int[] getCoords(final int rank) throws MPIException
    {
        try
        {
            if (rank < 0 || rank >= jmpi().size())
            {
                throw new MpiException(ErrorClass.ERR_RANK, "rank " + rank + " is not in the grid");
            }
            final int[] coords = new int[dims.length];
            int rest = rank;
            for (int d = dims.length - 1; d >= 0; d--)
            {
                coords[d] = rest % dims[d];
                rest /= dims[d];
            }
            return coords;
        }
        catch (final MpiException ex)
        {
            throw raise("getCoords", ex);
        }
    }

    /**
     * MPI_Cart_shift.
     *
     * @param direction the dimension.
     * @param disp      the displacement along it.
     * @return the ranks {@code disp} before (source) and after (destination) this process.
     * @throws MPIException under ERRORS_RETURN: ERR_DIMS for a dimension out of range.
     */
    public ShiftParms shift(final int direction, final int disp) throws MPIException
    {
        try
        {
            if (direction < 0 || direction >= dims.length)
            {
                throw new FaceException(MPI.ERR_DIMS, "direction " + direction + " of " + dims.length +
                    " dimensions");
            }
            final int[] coords = getCoords(jmpi().rank());
            return new ShiftParms(neighbour(coords, direction, -disp), neighbour(coords, direction, disp));
        }
        catch (final MpiException ex)
        {
            throw raise("shift", ex);
        }
    }

    /**
     * MPI_Cart_sub: the sub-grids that keep the dimensions marked true.
     *
     * @param remainDims for each dimension, whether it stays.
     * @return the communicator of this process's sub-grid.
     * @throws MPIException under ERRORS_RETURN.
     */
    public CartComm sub(final boolean[] remainDims) throws MPIException
    {
        try
        {
            if (null == remainDims || remainDims.length != dims.length)
            {
                throw new FaceException(MPI.ERR_DIMS, "remainDims needs one entry per dimension");
            }
            final int[] coords = getCoords(jmpi().rank());
            int colour = 0;
            int key = 0;
            int kept = 0;
            for (int d = 0; d < dims.length; d++)
            {
                if (remainDims[d])
                {
                    key = key * dims[d] + coords[d];
                    kept++;
                }
                else
                {
                    colour = colour * dims[d] + coords[d];
                }
            }
            final int[] subDims = new int[kept];
            final boolean[] subPeriods = new boolean[kept];
            for (int d = 0, k = 0; d < dims.length; d++)
            {
                if (remainDims[d])
                {
                    subDims[k] = dims[d];
                    subPeriods[k++] = periods[d];
                }
            }
            return new CartComm(jmpi().split(colour, key), errhandler(), subDims, subPeriods);
        }
        catch (final MpiException ex)
        {
            throw raise("sub", ex);
        }
    }

    /**
     * MPI_Cart_map: the rank this process would have in such a grid, without reordering.
     *
     * @param dims    processes along each dimension.
     * @param periods whether each dimension wraps around.
     * @return this process's rank, or {@link MPI#UNDEFINED} if the grid leaves it out.
     * @throws MPIException under ERRORS_RETURN: ERR_DIMS for a grid larger than the communicator.
     */
    public int map(final int[] dims, final boolean[] periods) throws MPIException
    {
        try
        {
            final int nodes = Topologies.product(dims, periods);
            if (nodes > jmpi().size())
            {
                throw new FaceException(MPI.ERR_DIMS, "a grid of " + nodes + " processes on " + jmpi().size());
            }
            return jmpi().rank() < nodes ? jmpi().rank() : MPI.UNDEFINED;
        }
        catch (final MpiException ex)
        {
            throw raise("map", ex);
        }
    }

    /**
     * MPI_Dims_create: fill the zero entries of {@code dims} with a factorisation of {@code nnodes} as balanced as
     * possible, in non-increasing order.
     *
     * @param nnodes number of processes.
     * @param dims   fixed dimensions, zero where to choose.
     * @throws MPIException ERR_DIMS if the fixed dimensions do not divide nnodes.
     */
    public static void createDims(final int nnodes, final int[] dims) throws MPIException
    {
        int rest = nnodes;
        int free = 0;
        for (final int dim : dims)
        {
            if (dim < 0)
            {
                throw MPIException.raise(MPI.ERR_DIMS, "dimension " + dim + " is negative");
            }
            if (dim > 0)
            {
                if (0 != rest % dim)
                {
                    throw MPIException.raise(MPI.ERR_DIMS, nnodes + " processes do not fill dimensions " +
                        java.util.Arrays.toString(dims));
                }
                rest /= dim;
            }
            else
            {
                free++;
            }
        }
        if (0 == free)
        {
            if (1 != rest)
            {
                throw MPIException.raise(MPI.ERR_DIMS, nnodes + " processes do not fill dimensions " +
                    java.util.Arrays.toString(dims));
            }
            return;
        }
        final int[] chosen = new int[free];
        java.util.Arrays.fill(chosen, 1);
        for (int factor = 2; rest > 1; )
        {
            if (0 == rest % factor)
            {
                int smallest = 0;
                for (int i = 1; i < free; i++)
                {
                    smallest = chosen[i] < chosen[smallest] ? i : smallest;
                }
                chosen[smallest] *= factor;
                rest /= factor;
            }
            else
            {
                factor++;
            }
        }
        java.util.Arrays.sort(chosen);
        for (int d = 0, k = free - 1; d < dims.length; d++)
        {
            if (0 == dims[d])
            {
                dims[d] = chosen[k--];
            }
        }
    }

    @Override
    int[][] neighbours()
    {
        final int[] coords;
        try
        {
            coords = getCoords(jmpi().rank());
        }
        catch (final MPIException ex)
        {
            throw new FaceException(ex.getErrorClass(), ex.getMessage());
        }
        final int[] list = new int[2 * dims.length];
        for (int d = 0; d < dims.length; d++)
        {
            list[2 * d] = neighbour(coords, d, -1);
            list[2 * d + 1] = neighbour(coords, d, 1);
        }
        return new int[][]{ list, list };
    }

    /**
     * The block sent to the neighbour after this process along a dimension is received there from the one before
     * it: the tags pair opposite directions, which tells them apart where both neighbours are one process.
     */
    @Override
    int sendTag(final int index)
    {
        return index;
    }

    @Override
    int recvTag(final int index)
    {
        return index ^ 1;
    }

    private int neighbour(final int[] coords, final int direction, final int disp)
    {
        int coord = coords[direction] + disp;
        if (periods[direction])
        {
            coord = Math.floorMod(coord, dims[direction]);
        }
        else if (coord < 0 || coord >= dims[direction])
        {
            return MPI.PROC_NULL;
        }
        int rank = 0;
        for (int d = 0; d < dims.length; d++)
        {
            rank = rank * dims[d] + (d == direction ? coord : coords[d]);
        }
        return rank;
    }
}
