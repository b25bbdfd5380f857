package io.jmpi.examples.mpijava;

import mpi.MPI;
import mpi.MPIException;

import java.util.SplittableRandom;

/**
 * Monte Carlo estimate of pi, the classic mpiJava example: every rank throws its share of random darts at the
 * unit square, and a reduction adds up the hits inside the quarter circle.
 * {@code bin/jrun -np 4 -cp examples/target/jmpi-examples.jar io.jmpi.examples.mpijava.Pi [darts]}.
 */
public final class Pi
{
    private Pi()
    {
    }

    /**
     * @param args optional total number of darts (default 10,000,000).
     * @throws MPIException if a call fails.
     */
    public static void main(final String[] args) throws MPIException
    {
        final String[] programArgs = MPI.Init(args);
        final int rank = MPI.COMM_WORLD.Rank();
        final int size = MPI.COMM_WORLD.Size();

        final long[] darts = { programArgs.length > 0 ? Long.parseLong(programArgs[0]) : 10_000_000L };
        MPI.COMM_WORLD.Bcast(darts, 0, 1, MPI.LONG, 0);
        final long mine = darts[0] / size + (rank < darts[0] % size ? 1 : 0);

        final double start = MPI.Wtime();
        final SplittableRandom random = new SplittableRandom(42L + rank);
        final long[] hits = new long[1];
        for (long i = 0; i < mine; i++)
        {
            final double x = random.nextDouble();
            final double y = random.nextDouble();
            if (x * x + y * y <= 1.0)
            {
                hits[0]++;
            }
        }
        final long[] total = new long[1];
        MPI.COMM_WORLD.Reduce(hits, 0, total, 0, 1, MPI.LONG, MPI.SUM, 0);
        if (0 == rank)
        {
            final double pi = 4.0 * total[0] / darts[0];
            System.out.printf("pi is approximately %.6f (error %.6f) from %d darts on %d ranks in %.3f s%n",
                pi, Math.abs(pi - Math.PI), darts[0], size, MPI.Wtime() - start);
        }
        MPI.Finalize();
    }
}
