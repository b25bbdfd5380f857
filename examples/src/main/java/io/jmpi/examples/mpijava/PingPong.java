package io.jmpi.examples.mpijava;

import mpi.MPI;
import mpi.MPIException;

/**
 * The classic mpiJava ping-pong latency program: ranks 0 and 1 bounce a message of each size back and forth and
 * rank 0 prints the one-way latency and the bandwidth. Written against the mpiJava 1.2 API only:
 * {@code bin/jrun -np 2 -cp examples/target/jmpi-examples.jar io.jmpi.examples.mpijava.PingPong [iterations]}.
 * Ranks beyond the first two wait at the final barrier.
 */
public final class PingPong
{
    private static final int TAG = 1;
    private static final int MAX_BYTES = 1 << 20;

    private PingPong()
    {
    }

    /**
     * @param args optional number of round trips per size (default 1000).
     * @throws MPIException if a call fails.
     */
    public static void main(final String[] args) throws MPIException
    {
        final String[] programArgs = MPI.Init(args);
        final int iterations = programArgs.length > 0 ? Integer.parseInt(programArgs[0]) : 1000;
        final int rank = MPI.COMM_WORLD.Rank();
        if (MPI.COMM_WORLD.Size() < 2)
        {
            System.err.println("PingPong needs at least 2 ranks");
            MPI.COMM_WORLD.Abort(1);
        }
        final byte[] buffer = new byte[MAX_BYTES];
        if (0 == rank)
        {
            System.out.printf("%10s %14s %14s%n", "bytes", "latency (us)", "MB/s");
        }
        for (int bytes = 0; bytes <= MAX_BYTES; bytes = 0 == bytes ? 1 : bytes * 4)
        {
            final int rounds = bytes >= 65536 ? Math.max(1, iterations / 10) : iterations;
            if (rank < 2)
            {
                pingPong(rank, buffer, bytes, rounds / 10 + 1);
                final double start = MPI.Wtime();
                pingPong(rank, buffer, bytes, rounds);
                final double oneWay = (MPI.Wtime() - start) / (2.0 * rounds);
                if (0 == rank)
                {
                    System.out.printf("%10d %14.2f %14.1f%n", bytes, oneWay * 1e6, bytes / oneWay / 1e6);
                }
            }
        }
        MPI.COMM_WORLD.Barrier();
        MPI.Finalize();
    }

    private static void pingPong(final int rank, final byte[] buffer, final int bytes, final int rounds)
        throws MPIException
    {
        for (int i = 0; i < rounds; i++)
        {
            if (0 == rank)
            {
                MPI.COMM_WORLD.Send(buffer, 0, bytes, MPI.BYTE, 1, TAG);
                MPI.COMM_WORLD.Recv(buffer, 0, bytes, MPI.BYTE, 1, TAG);
            }
            else
            {
                MPI.COMM_WORLD.Recv(buffer, 0, bytes, MPI.BYTE, 0, TAG);
                MPI.COMM_WORLD.Send(buffer, 0, bytes, MPI.BYTE, 0, TAG);
            }
        }
    }
}
