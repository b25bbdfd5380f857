package io.jmpi.examples.openmpi;

import mpi.CartComm;
import mpi.Datatype;
import mpi.MPI;
import mpi.MPIException;
import mpi.ShiftParms;

import java.util.Arrays;

/**
 * A 2D stencil on a Cartesian topology in Open MPI's Java API: Jacobi iteration of the Laplace equation (steady
 * heat, the top edge held at 100, the others at 0) on an n x n grid split into 2D blocks. {@code createDims} picks
 * the process grid (6 ranks: 3 x 2), {@code createCart} lays the ranks on it and {@code shift} names each block's
 * four neighbours (PROC_NULL off the edges). Every step exchanges the block's edge rows (contiguous) and edge
 * columns (a vector datatype) with the neighbours by {@code sendRecv}, then averages each interior point's four
 * neighbours. Rank 0 gathers the blocks ({@code gatherv}, the interior of each block sent as one vector item),
 * runs the same iteration serially and exits with 1 unless the two agree exactly. The grid need not divide evenly.
 * <pre>{@code
 * bin/jrun -np 6 io.jmpi.examples.openmpi.Stencil2D [SIZE] [STEPS]
 * }</pre>
 * (default 64 x 64, 200 steps).
 */
public final class Stencil2D
{
    private static final double HOT_EDGE = 100.0;
    private static final int TAG_DOWN = 1;
    private static final int TAG_UP = 2;
    private static final int TAG_RIGHT = 3;
    private static final int TAG_LEFT = 4;

    private Stencil2D()
    {
    }

    /**
     * @param args optional grid size and number of steps.
     * @throws MPIException if a call fails.
     */
    public static void main(final String[] args) throws MPIException
    {
        final int n = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        final int steps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        MPI.Init(args);
        final int[] dims = new int[2];
        CartComm.createDims(MPI.COMM_WORLD.getSize(), dims);
        final CartComm cart = MPI.COMM_WORLD.createCart(dims, new boolean[]{ false, false }, false);
        final int rank = cart.getRank();
        final Block block = new Block(n, Extent.of(n, dims, cart.getCoords(rank)));
        final Halo halo = new Halo(cart, block);
        for (int step = 0; step < steps; step++)
        {
            halo.exchange(block.current);
            block.step();
        }
        halo.free();

        final double[] whole = gather(cart, n, dims, block);
        if (0 == rank)
        {
            final Block serial = new Block(n, new Extent(0, n, 0, n));
            for (int step = 0; step < steps; step++)
            {
                serial.step();
            }
            final double error = maxDifference(whole, serial.interior());
            System.out.println("stencil " + n + "x" + n + " on " + dims[0] + "x" + dims[1] + " ranks, " + steps +
                " steps: max difference from serial " + error);
            if (0 != error)
            {
                System.err.println("Stencil2D: parallel result differs from the serial one");
                MPI.Finalize();
                System.exit(1);
            }
        }
        MPI.Finalize();
    }

    /**
     * Rank 0 receives every block's interior, packed, at its displacement, and places it in the whole grid.
     *
     * @return at rank 0 the n x n grid, row-major; elsewhere null.
     */
    private static double[] gather(final CartComm cart, final int n, final int[] dims, final Block block)
        throws MPIException
    {
        final int size = cart.getSize();
        final Extent[] extents = new Extent[size];
        final int[] counts = new int[size];
        final int[] displacements = new int[size];
        for (int r = 0, at = 0; r < size; r++)
        {
            extents[r] = Extent.of(n, dims, cart.getCoords(r));
            counts[r] = extents[r].rows() * extents[r].cols();
            displacements[r] = at;
            at += counts[r];
        }
        final Datatype interior = Datatype.createVector(block.rows, block.cols, block.width, MPI.DOUBLE);
        interior.commit();
        final boolean root = 0 == cart.getRank();
        final double[] packed = root ? new double[n * n] : null;
        cart.gatherv(MPI.slice(block.current, block.width + 1), 1, interior, packed, counts, displacements,
            MPI.DOUBLE, 0);
        interior.free();
        if (!root)
        {
            return null;
        }
        final double[] whole = new double[n * n];
        for (int r = 0; r < size; r++)
        {
            final Extent e = extents[r];
            for (int i = 0; i < e.rows(); i++)
            {
                System.arraycopy(packed, displacements[r] + i * e.cols(), whole, (e.firstRow() + i) * n +
                    e.firstCol(), e.cols());
            }
        }
        return whole;
    }

    private static double maxDifference(final double[] a, final double[] b)
    {
        double max = 0;
        for (int i = 0; i < a.length; i++)
        {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /**
     * The rows and columns of the grid that one rank owns.
     */
    private record Extent(int firstRow, int rows, int firstCol, int cols)
    {
        /**
         * @return the extent of the process at {@code coords} on a {@code dims} grid, each dimension split as
         * evenly as it goes.
         */
        static Extent of(final int n, final int[] dims, final int[] coords)
        {
            final int firstRow = first(n, dims[0], coords[0]);
            final int firstCol = first(n, dims[1], coords[1]);
            return new Extent(firstRow, first(n, dims[0], coords[0] + 1) - firstRow, firstCol,
                first(n, dims[1], coords[1] + 1) - firstCol);
        }

        private static int first(final int n, final int parts, final int part)
        {
            return part * n / parts;
        }
    }

    /**
     * The points of an {@link Extent} with a halo of one point on every side: local point (i, j), 1-based, is
     * global point (firstRow + i - 1, firstCol + j - 1). The grid's edge points are fixed; the halo points next to
     * them are never read.
     */
    private static final class Block
    {
        final int rows;
        final int cols;
        final int width;
        double[] current;
        private final int n;
        private final int firstRow;
        private final int firstCol;
        private double[] next;

        Block(final int n, final Extent extent)
        {
            this.n = n;
            this.firstRow = extent.firstRow();
            this.rows = extent.rows();
            this.firstCol = extent.firstCol();
            this.cols = extent.cols();
            this.width = cols + 2;
            this.current = new double[(rows + 2) * width];
            if (0 == firstRow)
            {
                Arrays.fill(current, width + 1, width + 1 + cols, HOT_EDGE);
            }
            // both arrays hold the fixed edge values: a step writes interior points only
            this.next = current.clone();
        }

        /**
         * One Jacobi sweep: each interior point becomes the mean of its four neighbours, then the arrays swap.
         * The serial run adds the same four values in the same order, so its result is identical bit for bit.
         */
        void step()
        {
            final int fromRow = 0 == firstRow ? 2 : 1;
            final int toRow = n == firstRow + rows ? rows - 1 : rows;
            final int fromCol = 0 == firstCol ? 2 : 1;
            final int toCol = n == firstCol + cols ? cols - 1 : cols;
            for (int i = fromRow; i <= toRow; i++)
            {
                for (int j = fromCol; j <= toCol; j++)
                {
                    final int k = i * width + j;
                    next[k] = 0.25 * (current[k - width] + current[k + width] + current[k - 1] + current[k + 1]);
                }
            }
            final double[] swap = current;
            current = next;
            next = swap;
        }

        /**
         * @return the points the block owns, without the halo, row-major.
         */
        double[] interior()
        {
            final double[] points = new double[rows * cols];
            for (int i = 0; i < rows; i++)
            {
                System.arraycopy(current, (i + 1) * width + 1, points, i * cols, cols);
            }
            return points;
        }
    }

    /**
     * The halo exchange of a block with its four neighbours on the Cartesian grid. Rows are consecutive in memory;
     * a column is a vector datatype, one point per row, a row's width apart.
     */
    private static final class Halo
    {
        private final CartComm cart;
        private final Block block;
        private final int up;
        private final int down;
        private final int left;
        private final int right;
        private final Datatype column;

        Halo(final CartComm cart, final Block block) throws MPIException
        {
            this.cart = cart;
            this.block = block;
            final ShiftParms vertical = cart.shift(0, 1);
            this.up = vertical.getRankSource();
            this.down = vertical.getRankDest();
            final ShiftParms horizontal = cart.shift(1, 1);
            this.left = horizontal.getRankSource();
            this.right = horizontal.getRankDest();
            this.column = Datatype.createVector(block.rows, 1, block.width, MPI.DOUBLE);
            column.commit();
        }

        /**
         * Each call sends one edge towards a neighbour and receives the opposite halo from the neighbour on the
         * other side, so that every rank of a row or column of the grid makes the same call at once.
         */
        void exchange(final double[] u) throws MPIException
        {
            final int w = block.width;
            final int rows = block.rows;
            final int cols = block.cols;
            cart.sendRecv(MPI.slice(u, rows * w + 1), cols, MPI.DOUBLE, down, TAG_DOWN,
                MPI.slice(u, 1), cols, MPI.DOUBLE, up, TAG_DOWN);
            cart.sendRecv(MPI.slice(u, w + 1), cols, MPI.DOUBLE, up, TAG_UP,
                MPI.slice(u, (rows + 1) * w + 1), cols, MPI.DOUBLE, down, TAG_UP);
            cart.sendRecv(MPI.slice(u, w + cols), 1, column, right, TAG_RIGHT,
                MPI.slice(u, w), 1, column, left, TAG_RIGHT);
            cart.sendRecv(MPI.slice(u, w + 1), 1, column, left, TAG_LEFT,
                MPI.slice(u, w + cols + 1), 1, column, right, TAG_LEFT);
        }

        void free() throws MPIException
        {
            column.free();
        }
    }
}
