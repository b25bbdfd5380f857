package io.jmpi.examples;

import io.jmpi.Comm;
import io.jmpi.Mpi;

/**
 * A token goes around the ring of ranks for several laps; each rank adds its rank number to it on every pass.
 * Rank 0 prints the result and checks it against the closed form. Usage: {@code Ring [laps]} (default 10).
 */
public final class Ring
{
    private static final int TAG = 7;

    private Ring()
    {
    }

    /**
     * @param args optional number of laps.
     */
    public static void main(final String[] args)
    {
        final int laps = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (Mpi mpi = Mpi.init(args))
        {
            final Comm world = mpi.world();
            final int rank = world.rank();
            final int size = world.size();
            final int next = (rank + 1) % size;
            final int previous = (rank + size - 1) % size;
            final long[] token = new long[1];
            final long start = System.nanoTime();

            for (int lap = 0; lap < laps; lap++)
            {
                if (0 == rank)
                {
                    token[0] += rank;
                    world.send(token, 0, 1, next, TAG);
                    world.recv(token, 0, 1, previous, TAG);
                }
                else
                {
                    world.recv(token, 0, 1, previous, TAG);
                    token[0] += rank;
                    world.send(token, 0, 1, next, TAG);
                }
            }

            if (0 == rank)
            {
                final long expected = (long)laps * size * (size - 1) / 2;
                final double micros = (System.nanoTime() - start) / 1e3 / Math.max(1, laps * size);
                System.out.printf("Ring of %d ranks, %d laps: token=%d (expected %d), %.2f us per hop%n",
                    size, laps, token[0], expected, micros);
                if (token[0] != expected)
                {
                    System.err.println("Ring: wrong token");
                    System.exit(1);
                }
            }
        }
    }
}
