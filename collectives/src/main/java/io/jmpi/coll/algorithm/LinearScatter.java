package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;

/**
 * Scatter by sending each block straight from the root to its rank (Open MPI's basic linear scatter). n - 1
 * messages and no copy but the root's own block: best for long blocks.
 */
public final class LinearScatter implements ScatterAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "linear";

    private final Exchange exchange;

    /**
     * @param exchange the communicator's collective messages.
     */
    public LinearScatter(final Exchange exchange)
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
    public void scatter(
        final Object sendBuffer, final int sendOffset, final int count, final Object recvBuffer, final int recvOffset,
        final Datatype type, final int root)
    {
        final int rank = exchange.rank();
        if (rank != root)
        {
            exchange.expect(exchange.recv(recvBuffer, recvOffset, count, root), count, root);
            return;
        }
        for (int destination = 0; destination < exchange.size(); destination++)
        {
            final int at = sendOffset + destination * count;
            if (destination == root)
            {
                Memory.copy(sendBuffer, at, recvBuffer, recvOffset, count, type);
            }
            else
            {
                exchange.send(sendBuffer, at, count, destination);
            }
        }
    }
}
