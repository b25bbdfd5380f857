package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;

/**
 * Gather by sending every block straight to the root, which receives them in rank order into place (Open MPI's basic
 * linear gather). n - 1 messages and no copy but the root's own block: best for long blocks.
 */
public final class LinearGather implements GatherAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "linear";

    private final Exchange exchange;

    /**
     * @param exchange the communicator's collective messages.
     */
    public LinearGather(final Exchange exchange)
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
    public void gather(
        final Object sendBuffer, final int sendOffset, final int count, final Object recvBuffer, final int recvOffset,
        final Datatype type, final int root)
    {
        final int rank = exchange.rank();
        if (rank != root)
        {
            exchange.send(sendBuffer, sendOffset, count, root);
            return;
        }
        for (int source = 0; source < exchange.size(); source++)
        {
            final int at = recvOffset + source * count;
            if (source == root)
            {
                Memory.copy(sendBuffer, sendOffset, recvBuffer, at, count, type);
            }
            else
            {
                exchange.expect(exchange.recv(recvBuffer, at, count, source), count, source);
            }
        }
    }
}
