package io.jmpi.bench;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.bench.harness.PeerLifetime;

/**
 * A non-root rank of {@link BroadcastBenchmark}: takes part in each broadcast from rank 0 and then tells rank 0 it
 * has the message with an empty message tagged {@link #ACK_TAG}; a broadcast whose first byte is {@link #STOP}
 * ends it instead.
 * <p>
 * Argument: the message length in bytes, at least 1.
 */
public final class BroadcastFollower
{
    /** First byte of a broadcast that carries on. */
    static final byte CONTINUE = 0;
    /** First byte of the broadcast that ends the followers. */
    static final byte STOP = 1;
    /** Tag of the acknowledgement of a broadcast. */
    static final int ACK_TAG = 1;
    /** The broadcasting rank. */
    static final int ROOT = 0;

    private BroadcastFollower()
    {
    }

    /**
     * Follow broadcasts until told to stop.
     *
     * @param args message length.
     */
    public static void main(final String[] args)
    {
        PeerLifetime.endWithParent();
        final int length = Integer.parseInt(args[0]);
        final byte[] buffer = new byte[length];
        try (Mpi mpi = Mpi.init(args))
        {
            final Comm world = mpi.world();
            while (true)
            {
                world.bcast(buffer, 0, length, ROOT);
                if (STOP == buffer[0])
                {
                    break;
                }
                world.send(buffer, 0, 0, ROOT, ACK_TAG);
            }
        }
    }
}
