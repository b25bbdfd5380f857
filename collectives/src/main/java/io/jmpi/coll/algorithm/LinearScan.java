package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.Op;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;
import io.jmpi.coll.base.Scratch;

/**
 * Scan along the chain of ranks (Open MPI's basic linear scan): rank i receives the prefix of ranks 0..i-1 from rank
 * i - 1, combines its own contribution on the right and passes the result to rank i + 1. n - 1 steps, one message
 * per rank: for long messages or few ranks.
 */
public final class LinearScan implements ScanAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "linear";

    private final Exchange exchange;
    private final Scratch scratch;

    /**
     * @param exchange the communicator's collective messages.
     * @param scratch  the communicator's scratch arrays; uses {@link Scratch#INCOMING}.
     */
    public LinearScan(final Exchange exchange, final Scratch scratch)
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
    public void scan(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Datatype type, final Op op)
    {
        final int rank = exchange.rank();
        Memory.copy(sendBuffer, sendOffset, recvBuffer, recvOffset, count, type);
        if (rank > 0)
        {
            final Object prefix = scratch.array(Scratch.INCOMING, type, count);
            exchange.expect(exchange.recv(prefix, 0, count, rank - 1), count, rank - 1);
            op.apply(prefix, 0, recvBuffer, recvOffset, count);
        }
        if (rank < exchange.size() - 1)
        {
            exchange.send(recvBuffer, recvOffset, count, rank + 1);
        }
    }
}
