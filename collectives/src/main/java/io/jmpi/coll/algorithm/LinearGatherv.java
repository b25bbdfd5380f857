package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;

/**
 * Gatherv by sending every block straight to the root, which receives them in rank order at their displacements
 * (Open MPI's basic linear gatherv, its only one).
 */
public final class LinearGatherv implements GathervAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "linear";

    private final Exchange exchange;

    /**
     * @param exchange the communicator's collective messages.
     */
    public LinearGatherv(final Exchange exchange)
    {
        this.exchange = exchange;
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return NAME;
    }

    /**
     * {@inheritDoc}
     */
    public void gatherv(
        final Object sendBuffer, final int sendOffset, final int sendCount, final Object recvBuffer,
        final int recvOffset, final int[] recvCounts, final int[] displacements, final Datatype type, final int root)
    {
        final int rank = exchange.rank();
        if (rank != root)
        {
            exchange.send(sendBuffer, sendOffset, sendCount, root);
            return;
        }
        for (int source = 0; source < exchange.size(); source++)
        {
            final int at = recvOffset + displacements[source];
            if (source == root)
            {
                Memory.copy(sendBuffer, sendOffset, recvBuffer, at, sendCount, type);
            }
            else
            {
                exchange.expect(exchange.recv(recvBuffer, at, recvCounts[source], source), recvCounts[source], source);
            }
        }
    }
}
