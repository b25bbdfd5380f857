package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.Op;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;
import io.jmpi.coll.base.Scratch;

/**
 * Exclusive scan along the chain of ranks (Open MPI's basic linear exscan): rank i receives the prefix of ranks
 * 0..i-1 from rank i - 1 as its result, combines its own contribution on the right and passes that to rank i + 1.
 * Rank 0's receive buffer is left unchanged.
 */
public final class LinearExscan implements ExscanAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "linear";

    private final Exchange exchange;
    private final Scratch scratch;

    /**
     * @param exchange the communicator's collective messages.
     * @param scratch  the communicator's scratch arrays; uses {@link Scratch#WORK}.
     */
    public LinearExscan(final Exchange exchange, final Scratch scratch)
    {
        this.exchange = exchange;
        this.scratch = scratch;
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
    public void exscan(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Datatype type, final Op op)
    {
        final int rank = exchange.rank();
        final boolean last = rank == exchange.size() - 1;
        if (0 == rank)
        {
            if (!last)
            {
                exchange.send(sendBuffer, sendOffset, count, 1);
            }
            return;
        }

        exchange.expect(exchange.recv(recvBuffer, recvOffset, count, rank - 1), count, rank - 1);
        if (!last)
        {
            final Object prefix = scratch.array(Scratch.WORK, type, count);
            Memory.copy(sendBuffer, sendOffset, prefix, 0, count, type);
            op.apply(recvBuffer, recvOffset, prefix, 0, count);
            exchange.send(prefix, 0, count, rank + 1);
        }
    }
}
