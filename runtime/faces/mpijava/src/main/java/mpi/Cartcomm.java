package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A communicator with a Cartesian topology (from {@link Intracomm#Create_cart}). The topology is rank
 * arithmetic: ranks are laid out in row-major order of the coordinates (the last dimension varies fastest), and
 * rank r of the grid is rank r of the communicator it was made from (no reordering).
 */
public class Cartcomm extends Intracomm
{
    private final int[] dims;
    private final boolean[] periods;
    private final int[] coords;

    Cartcomm(final io.jmpi.Comm comm, final int[] dims, final boolean[] periods)
    {
        super(comm);
        this.dims = dims;
        this.periods = periods;
        this.coords = coordinates(comm.rank());
    }

    /**
     * MPI_Comm_dup of a Cartesian communicator: a new context, the same topology.
     *
     * @return the duplicate.
     */
    public Cartcomm Dup() throws MPIException
    {
        try
        {
            return new Cartcomm(comm.dup(), dims, periods);
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Topo_test.
     *
     * @return {@link MPI#CART}.
     */
    public int Topo_test() throws MPIException
    {
        return MPI.CART;
    }

    /**
     * MPI_Cart_get.
     *
     * @return copies of the dimensions, periods and this process's coordinates.
     */
    public CartParms Get() throws MPIException
    {
        return new CartParms(dims.clone(), periods.clone(), coords.clone());
    }

    /**
     * MPI_Cart_map: the rank this process would have in a Cartesian grid of this communicator's processes. jmpi
     * does not reorder (as Open MPI's default does not): a process keeps its rank if the grid has room for it.
     *
     * @param dims    processes along each dimension.
     * @param periods whether each dimension wraps around.
     * @return this process's rank in the grid, or {@link MPI#UNDEFINED} if the grid has fewer processes.
     * @throws MPIException ERR_ARG if the arrays differ in length, a dimension is not positive or the grid needs
     *                      more processes than the communicator has.
     */
    public int Map(final int[] dims, final boolean[] periods) throws MPIException
    {
        try
        {
            final int processes = checkGrid(dims, periods);
            if (processes > comm.size())
            {
                throw new MpiException(ErrorClass.ERR_ARG, "a grid of " + processes +
                    " processes needs more than the " + comm.size() + " of the communicator");
            }
            return comm.rank() < processes ? comm.rank() : MPI.UNDEFINED;
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Cart_rank.
     *
     * @param coords coordinates of a process; out-of-range coordinates of a periodic dimension wrap around.
     * @return its rank.
     * @throws MPIException ERR_ARG if a coordinate of a non-periodic dimension is out of range.
     */
    public int Rank(final int[] coords) throws MPIException
    {
        if (coords.length != dims.length)
        {
            throw failed(new MpiException(ErrorClass.ERR_ARG, coords.length + " coordinates for " +
                dims.length + " dimensions"));
        }
        int rank = 0;
        for (int d = 0; d < dims.length; d++)
        {
            int coordinate = coords[d];
            if (periods[d])
            {
                coordinate = Math.floorMod(coordinate, dims[d]);
            }
            else if (coordinate < 0 || coordinate >= dims[d])
            {
                throw failed(new MpiException(ErrorClass.ERR_ARG, "coordinate " + coordinate +
                    " of non-periodic dimension " + d + " is not in 0.." + (dims[d] - 1)));
            }
            rank = rank * dims[d] + coordinate;
        }
        return rank;
    }

    /**
     * MPI_Cart_coords.
     *
     * @param rank a rank of this communicator.
     * @return its coordinates.
     * @throws MPIException ERR_RANK if the rank is out of range.
     */
    public int[] Coords(final int rank) throws MPIException
    {
        if (rank < 0 || rank >= comm.size())
        {
            throw failed(new MpiException(ErrorClass.ERR_RANK, "rank " + rank + " is not in 0.." +
                (comm.size() - 1)));
        }
        return coordinates(rank);
    }

    /**
     * MPI_Cart_shift: the neighbours of this process {@code disp} steps along a dimension.
     *
     * @param direction the dimension.
     * @param disp      the displacement: positive upwards, negative downwards.
     * @return the rank {@code disp} steps down (the source) and the rank {@code disp} steps up (the destination),
     * {@link MPI#PROC_NULL} beyond the edge of a non-periodic dimension.
     * @throws MPIException ERR_ARG if the dimension does not exist.
     */
    public ShiftParms Shift(final int direction, final int disp) throws MPIException
    {
        if (direction < 0 || direction >= dims.length)
        {
            throw failed(new MpiException(ErrorClass.ERR_ARG, "direction " + direction + " is not in 0.." +
                (dims.length - 1)));
        }
        return new ShiftParms(neighbour(direction, -disp), neighbour(direction, disp));
    }

    /**
     * MPI_Cart_sub: split the grid into sub-grids of the dimensions kept; each process gets the sub-grid it is in.
     * Collective.
     *
     * @param remain_dims for each dimension, true to keep it in the sub-grid.
     * @return this process's sub-grid, whose ranks follow the row-major order of the kept coordinates.
     * @throws MPIException ERR_ARG if the array does not have one entry per dimension.
     */
    public Cartcomm Sub(final boolean[] remain_dims) throws MPIException
    {
        if (remain_dims.length != dims.length)
        {
            throw failed(new MpiException(ErrorClass.ERR_ARG, remain_dims.length + " entries for " +
                dims.length + " dimensions"));
        }
        int colour = 0;
        int key = 0;
        final List<Integer> kept = new ArrayList<>();
        for (int d = 0; d < dims.length; d++)
        {
            if (remain_dims[d])
            {
                key = key * dims[d] + coords[d];
                kept.add(d);
            }
            else
            {
                colour = colour * dims[d] + coords[d];
            }
        }
        final int[] subDims = new int[kept.size()];
        final boolean[] subPeriods = new boolean[kept.size()];
        for (int i = 0; i < subDims.length; i++)
        {
            subDims[i] = dims[kept.get(i)];
            subPeriods[i] = periods[kept.get(i)];
        }
        try
        {
            return new Cartcomm(comm.split(colour, key), subDims, subPeriods);
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Dims_create: fill the zero entries of {@code dims} so that the product of all entries is {@code nnodes},
     * with the dimensions as close to each other as possible and in non-increasing order.
     *
     * @param nnodes number of processes of the grid.
     * @param dims   dimensions; positive entries are kept, zero entries are filled.
     * @throws MPIException ERR_ARG if an entry is negative or the kept entries do not divide {@code nnodes}.
     */
    public static void Dims_create(final int nnodes, final int[] dims) throws MPIException
    {
        int fixed = 1;
        int free = 0;
        for (final int dim : dims)
        {
            if (dim < 0)
            {
                throw new MPIException(new MpiException(ErrorClass.ERR_ARG, "dims " + Arrays.toString(dims) +
                    " has a negative entry"));
            }
            fixed *= 0 == dim ? 1 : dim;
            free += 0 == dim ? 1 : 0;
        }
        if (nnodes < 1 || 0 != nnodes % fixed || (0 == free && nnodes != fixed))
        {
            throw new MPIException(new MpiException(ErrorClass.ERR_ARG, "dims " + Arrays.toString(dims) +
                " cannot make a grid of " + nnodes + " processes"));
        }
        final int[] filled = balance(nnodes / fixed, free);
        for (int d = 0, next = 0; d < dims.length; d++)
        {
            if (0 == dims[d])
            {
                dims[d] = filled[next++];
            }
        }
    }

    /**
     * Check the arguments of a Cartesian topology.
     *
     * @return the number of processes of the grid.
     */
    static int checkGrid(final int[] dims, final boolean[] periods)
    {
        if (dims.length != periods.length)
        {
            throw new MpiException(ErrorClass.ERR_ARG, dims.length + " dimensions and " + periods.length + " periods");
        }
        long processes = 1;
        for (final int dim : dims)
        {
            if (dim <= 0)
            {
                throw new MpiException(ErrorClass.ERR_ARG, "dims " + Arrays.toString(dims) + " has an entry below 1");
            }
            processes *= dim;
        }
        return (int)Math.min(processes, Integer.MAX_VALUE);
    }

    /**
     * @return {@code count} factors of {@code product}, as equal as greedy assignment of its prime factors, largest
     * first, to the smallest factor makes them, in non-increasing order.
     */
    private static int[] balance(final int product, final int count)
    {
        final int[] factors = new int[count];
        Arrays.fill(factors, 1);
        if (0 == count)
        {
            return factors;
        }
        final List<Integer> primes = new ArrayList<>();
        int rest = product;
        for (int p = 2; (long)p * p <= rest; p++)
        {
            while (0 == rest % p)
            {
                primes.add(p);
                rest /= p;
            }
        }
        if (rest > 1)
        {
            primes.add(rest);
        }
        for (int i = primes.size() - 1; i >= 0; i--)
        {
            int smallest = 0;
            for (int f = 1; f < count; f++)
            {
                smallest = factors[f] < factors[smallest] ? f : smallest;
            }
            factors[smallest] *= primes.get(i);
        }
        Arrays.sort(factors);
        for (int i = 0; i < count / 2; i++)
        {
            final int swap = factors[i];
            factors[i] = factors[count - 1 - i];
            factors[count - 1 - i] = swap;
        }
        return factors;
    }

    private int neighbour(final int direction, final int disp)
    {
        int coordinate = coords[direction] + disp;
        if (periods[direction])
        {
            coordinate = Math.floorMod(coordinate, dims[direction]);
        }
        else if (coordinate < 0 || coordinate >= dims[direction])
        {
            return MPI.PROC_NULL;
        }
        int rank = 0;
        for (int d = 0; d < dims.length; d++)
        {
            rank = rank * dims[d] + (d == direction ? coordinate : coords[d]);
        }
        return rank;
    }

    private int[] coordinates(final int rank)
    {
        final int[] result = new int[dims.length];
        int rest = rank;
        for (int d = dims.length - 1; d >= 0; d--)
        {
            result[d] = rest % dims[d];
            rest /= dims[d];
        }
        return result;
    }
}
