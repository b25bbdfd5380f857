package io.jmpi.examples;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Op;

import java.util.SplittableRandom;

/**
 * Pi by Monte Carlo: rank 0 broadcasts the number of samples; each rank throws its share of random points into the
 * unit square, counting those inside the quarter circle; a reduce sums the counts at rank 0, which estimates pi
 * as 4 * inside / samples. Rank 0 then throws the same points serially (rank r's points come from seed r) and
 * exits with 1 unless the counts agree exactly and the estimate is within 0.01 of pi.
 * Usage: {@code PiMonteCarlo [samples]} (default 4,000,000).
 */
public final class PiMonteCarlo
{
    private static final long SEED = 0x5DEECE66DL;

    private PiMonteCarlo()
    {
    }

    /**
     * @param args optional total number of samples.
     */
    public static void main(final String[] args)
    {
        try (Mpi mpi = Mpi.init(args))
        {
            final Comm world = mpi.world();
            final int rank = world.rank();
            final int size = world.size();

            final long[] samples = { 0 == rank && args.length > 0 ? Long.parseLong(args[0]) : 4_000_000L };
            world.bcast(samples, 0, 1, 0);

            final long[] inside = { countInside(rank, share(samples[0], rank, size)) };
            final long[] total = new long[1];
            world.reduce(inside, 0, total, 0, 1, Op.SUM, 0);

            if (0 == rank)
            {
                final double pi = 4.0 * total[0] / samples[0];
                System.out.printf("pi ~ %.6f from %d samples on %d ranks (error %.2e)%n",
                    pi, samples[0], size, Math.abs(pi - Math.PI));

                long serial = 0;
                for (int r = 0; r < size; r++)
                {
                    serial += countInside(r, share(samples[0], r, size));
                }
                if (serial != total[0] || Math.abs(pi - Math.PI) > 0.01)
                {
                    System.err.println("PiMonteCarlo: parallel count " + total[0] + ", serial count " + serial);
                    System.exit(1);
                }
            }
        }
    }

    private static long share(final long samples, final int rank, final int size)
    {
        return samples / size + (rank < samples % size ? 1 : 0);
    }

    private static long countInside(final int rank, final long samples)
    {
        final SplittableRandom random = new SplittableRandom(SEED + rank);
        long inside = 0;
        for (long i = 0; i < samples; i++)
        {
            final double x = random.nextDouble();
            final double y = random.nextDouble();
            if (x * x + y * y <= 1.0)
            {
                inside++;
            }
        }
        return inside;
    }
}
