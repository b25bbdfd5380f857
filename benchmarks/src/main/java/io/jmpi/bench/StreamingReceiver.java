package io.jmpi.bench;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Request;
import io.jmpi.bench.harness.PeerLifetime;

/**
 * Rank 1 of {@link StreamingBenchmark}, as the receiver of the OSU bandwidth test: for each window it posts
 * {@link #WINDOW} receives, waits for all of them and answers with a 4-byte acknowledgement; a window whose
 * messages carry {@link #STOP_TAG} ends it instead.
 * <p>
 * Argument: the message length in bytes. Every receive of a window fills the same buffer, as in OSU.
 */
public final class StreamingReceiver
{
    /** Messages in flight per window. */
    static final int WINDOW = 64;
    /** Tag of the streamed messages. */
    static final int DATA_TAG = 1;
    /** Tag of the acknowledgement of a window. */
    static final int ACK_TAG = 2;
    /** Tag of the window of empty messages that ends the receiver. */
    static final int STOP_TAG = 3;
    /** Length of the acknowledgement. */
    static final int ACK_LENGTH = 4;

    private StreamingReceiver()
    {
    }

    /**
     * Receive windows until told to stop.
     *
     * @param args message length.
     */
    public static void main(final String[] args)
    {
        PeerLifetime.endWithParent();
        final int length = Integer.parseInt(args[0]);
        final byte[] buffer = new byte[length];
        final byte[] ack = new byte[ACK_LENGTH];
        final Request[] window = new Request[WINDOW];
        try (Mpi mpi = Mpi.init(args))
        {
            final Comm world = mpi.world();
            while (true)
            {
                for (int i = 0; i < WINDOW; i++)
                {
                    window[i] = world.irecv(buffer, 0, length, 0, Mpi.ANY_TAG);
                }
                Request.waitAll(window);
                if (STOP_TAG == window[0].status().tag())
                {
                    break;
                }
                world.send(ack, 0, ACK_LENGTH, 0, ACK_TAG);
            }
        }
    }
}
