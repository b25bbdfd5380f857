package io.jmpi.bench;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Status;
import io.jmpi.bench.harness.PeerLifetime;

/**
 * Rank 1 of {@link PingPongBenchmark}: receives each message from rank 0 and sends it back with the same
 * {@link PingPongMode}, until a message tagged {@link #STOP_TAG} arrives.
 * <p>
 * Arguments: the mode's name and the message length in bytes.
 */
public final class PingPongEcho
{
    /** Tag of every ping and pong. */
    static final int DATA_TAG = 1;
    /** Tag of the empty message, sent with MPI_Send, that ends the echo. */
    static final int STOP_TAG = 2;

    private PingPongEcho()
    {
    }

    /**
     * Echo messages until told to stop.
     *
     * @param args mode name and message length.
     */
    public static void main(final String[] args)
    {
        PeerLifetime.endWithParent();
        final PingPongMode mode = PingPongMode.valueOf(args[0]);
        final int length = Integer.parseInt(args[1]);
        final byte[] buffer = new byte[length];
        final Status status = new Status();
        try (Mpi mpi = Mpi.init(args))
        {
            final Comm world = mpi.world();
            while (DATA_TAG == mode.receive(world, buffer, length, 0, Mpi.ANY_TAG, status))
            {
                mode.send(world, buffer, length, 0, DATA_TAG);
            }
        }
    }
}
