package io.jmpi.examples;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Status;

/**
 * 2D heat diffusion (explicit Jacobi stencil) on a grid split into horizontal strips, one per rank. Each step
 * exchanges the boundary rows with the neighbours by sendrecv (halo exchange), then updates the interior. Rank 0
 * gathers the strips and checks the result against the same computation run serially.
 * Usage: {@code HeatDiffusion [size] [steps]} (default 64 x 64, 200 steps).
 */
public final class HeatDiffusion
{
    private static final int TAG_UP = 1;
    private static final int TAG_DOWN = 2;
    private static final int TAG_GATHER = 3;
    private static final double ALPHA = 0.24;

    private HeatDiffusion()
    {
    }

    /**
     * @param args optional grid size and number of steps.
     */
    public static void main(final String[] args)
    {
        final int n = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        final int steps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        try (Mpi mpi = Mpi.init(args))
        {
            final Comm world = mpi.world();
            final int rank = world.rank();
            final int size = world.size();
            final int first = rank * n / size;
            final int rows = (rank + 1) * n / size - first;
            final double[] grid = new double[(rows + 2) * n];
            final double[] next = new double[grid.length];
            for (int i = 0; i < rows; i++)
            {
                initialRow(grid, (i + 1) * n, first + i, n);
            }

            final int up = rank > 0 ? rank - 1 : Mpi.PROC_NULL;
            final int down = rank < size - 1 ? rank + 1 : Mpi.PROC_NULL;
            final Status status = new Status();
            double[] current = grid;
            double[] updated = next;
            for (int step = 0; step < steps; step++)
            {
                world.sendrecv(current, n, n, up, TAG_UP, current, (rows + 1) * n, n, down, TAG_UP, status);
                world.sendrecv(current, rows * n, n, down, TAG_DOWN, current, 0, n, up, TAG_DOWN, status);
                for (int i = 1; i <= rows; i++)
                {
                    final int global = first + i - 1;
                    update(current, updated, i, n, 0 == global || n - 1 == global);
                }
                final double[] swap = current;
                current = updated;
                updated = swap;
            }

            if (0 != rank)
            {
                world.send(current, n, rows * n, 0, TAG_GATHER);
                return;
            }

            final double[] whole = new double[n * n];
            System.arraycopy(current, n, whole, 0, rows * n);
            for (int r = 1; r < size; r++)
            {
                final int offset = r * n / size * n;
                world.recv(whole, offset, ((r + 1) * n / size - r * n / size) * n, r, TAG_GATHER);
            }
            final double error = maxDifference(whole, serial(n, steps));
            System.out.printf("HeatDiffusion %dx%d, %d steps on %d ranks: max difference from serial %.3g%n",
                n, n, steps, size, error);
            if (error > 1e-12)
            {
                System.err.println("HeatDiffusion: parallel result differs from the serial one");
                System.exit(1);
            }
        }
    }

    private static void initialRow(final double[] grid, final int offset, final int row, final int n)
    {
        for (int j = 0; j < n; j++)
        {
            grid[offset + j] = 0 == row ? 100.0 : (j == n / 2 && row == n / 2 ? 500.0 : 0.0);
        }
    }

    /**
     * Update row i (1-based within the strip, rows 0 and rows+1 are halos). Fixed boundary: the outer rows and
     * columns keep their values.
     */
    private static void update(final double[] in, final double[] out, final int i, final int n, final boolean edge)
    {
        final int row = i * n;
        for (int j = 0; j < n; j++)
        {
            if (edge || 0 == j || n - 1 == j)
            {
                out[row + j] = in[row + j];
            }
            else
            {
                out[row + j] = in[row + j] + ALPHA *
                    (in[row - n + j] + in[row + n + j] + in[row + j - 1] + in[row + j + 1] - 4 * in[row + j]);
            }
        }
    }

    private static double[] serial(final int n, final int steps)
    {
        double[] current = new double[(n + 2) * n];
        double[] updated = new double[current.length];
        for (int i = 0; i < n; i++)
        {
            initialRow(current, (i + 1) * n, i, n);
        }
        for (int step = 0; step < steps; step++)
        {
            for (int i = 1; i <= n; i++)
            {
                update(current, updated, i, n, 1 == i || n == i);
            }
            final double[] swap = current;
            current = updated;
            updated = swap;
        }
        final double[] result = new double[n * n];
        System.arraycopy(current, n, result, 0, n * n);
        return result;
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
}
