package io.jmpi.coll.multicast;

import io.jmpi.spi.CollectiveContext;
import io.jmpi.transport.Channels;
import io.jmpi.transport.JobEnvironment;

/**
 * The one place that chooses the medium of a communicator's broadcast stream.
 * <p>
 * A communicator whose members are all on this host broadcasts on an Aeron IPC stream: the publications of all
 * members share one log buffer in the media driver, which makes the log one total order of broadcasts, and the
 * driver's flow control holds a root back until the slowest member has read far enough. A communicator that spans
 * hosts has no broadcast stream yet (it will take UDP multicast, chosen here; nothing else changes), and broadcasts
 * along a tree instead.
 */
public final class BroadcastChannel
{
    private BroadcastChannel()
    {
    }

    /**
     * @param context the communicator's collective context.
     * @param size    the number of ranks in the communicator.
     * @return true if a broadcast stream reaches every member: they all run on this host.
     */
    public static boolean reachesAll(final CollectiveContext context, final int size)
    {
        final JobEnvironment environment = JobEnvironment.fromEnvironment(System.getenv());
        for (int rank = 0; null != environment && rank < size; rank++)
        {
            if (!environment.isLocal(context.worldRank(rank)))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the Aeron channel URI of a broadcast stream between the ranks of this host, the same at every member.
     */
    public static String uri()
    {
        return Channels.IPC_CHANNEL;
    }
}
