package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;

/**
 * Scatterv by sending each block straight from the root to its rank (Open MPI's basic linear scatterv, its only
 * one).
 */
public final class LinearScatterv implements ScattervAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "linear";

    private final Exchange exchange;

    /**
     * @param exchange the communicator's collective messages.
     */
    public LinearScatterv(final Exchange exchange)
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
    public void scatterv(
        final Object sendBuffer, final int sendOffset, final int[] sendCounts, final int[] displacements,
        final Object recvBuffer, final int recvOffset, final int recvCount, final Datatype type, final int root)
    {
        final int rank = exchange.rank();
        if (rank != root)
        {
            exchange.expect(exchange.recv(recvBuffer, recvOffset, recvCount, root), recvCount, root);
            return;
        }
        for (int destination = 0; destination < exchange.size(); destination++)
        {
            final int at = sendOffset + displacements[destination];
            if (destination == root)
            {
                Memory.copy(sendBuffer, at, recvBuffer, recvOffset, sendCounts[destination], type);
            }
            else
            {
                exchange.send(sendBuffer, at, sendCounts[destination], destination);
            }
        }
    }
}
