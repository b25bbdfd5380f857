package io.jmpi.examples;

import io.jmpi.Comm;
import io.jmpi.Mpi;

/**
 * Parallel matrix-matrix multiply C = A x B of n x n matrices: rank 0 scatters A by blocks of rows, broadcasts B
 * whole, every rank multiplies its rows, and rank 0 gathers the rows of C. Rows are padded with zero rows up to a
 * multiple of the number of ranks, so that every rank gets the same count, as scatter and gather need. Entries are
 * small integers, so every product is exact in double; rank 0 checks C against a serial multiply and exits with 1
 * on any difference. Usage: {@code MatrixMultiply [n]} (default 200).
 */
public final class MatrixMultiply
{
    private MatrixMultiply()
    {
    }

    /**
     * @param args optional matrix order.
     */
    public static void main(final String[] args)
    {
        final int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        try (Mpi mpi = Mpi.init(args))
        {
            final Comm world = mpi.world();
            final int rank = world.rank();
            final int rows = (n + world.size() - 1) / world.size();
            final int padded = rows * world.size();

            final double[] a = 0 == rank ? matrix(padded, n, 1) : null;
            final double[] b = 0 == rank ? matrix(n, n, 2) : new double[n * n];
            final double[] myA = new double[rows * n];
            final double[] myC = new double[rows * n];
            final long start = System.nanoTime();

            world.scatter(a, 0, rows * n, myA, 0, rows * n, 0);
            world.bcast(b, 0, n * n, 0);
            multiply(myA, b, myC, rows, n);
            final double[] c = 0 == rank ? new double[padded * n] : null;
            world.gather(myC, 0, rows * n, c, 0, rows * n, 0);

            if (0 == rank)
            {
                final double micros = (System.nanoTime() - start) / 1e3;
                final double[] serial = new double[padded * n];
                multiply(a, b, serial, n, n);
                int wrong = 0;
                for (int i = 0; i < n * n; i++)
                {
                    wrong += serial[i] == c[i] ? 0 : 1;
                }
                System.out.printf("C = A x B for %d x %d on %d ranks in %.0f us: %d entries differ from serial%n",
                    n, n, world.size(), micros, wrong);
                if (0 != wrong)
                {
                    System.exit(1);
                }
            }
        }
    }

    /**
     * @return a rows x n matrix, row-major, of small integers; rows from n on (padding) are zero.
     */
    private static double[] matrix(final int rows, final int n, final int salt)
    {
        final double[] matrix = new double[rows * n];
        for (int i = 0; i < Math.min(rows, n); i++)
        {
            for (int j = 0; j < n; j++)
            {
                matrix[i * n + j] = (i * 7 + j * 3 + salt) % 11 - 5;
            }
        }
        return matrix;
    }

    private static void multiply(final double[] a, final double[] b, final double[] c, final int rows, final int n)
    {
        for (int i = 0; i < rows; i++)
        {
            for (int k = 0; k < n; k++)
            {
                final double aik = a[i * n + k];
                for (int j = 0; j < n; j++)
                {
                    c[i * n + j] += aik * b[k * n + j];
                }
            }
        }
    }
}
