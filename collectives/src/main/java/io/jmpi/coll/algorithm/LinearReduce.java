package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.Op;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;
import io.jmpi.coll.base.Scratch;

/**
 * Reduce by sending every contribution straight to the root (Open MPI's basic linear reduce). The root takes them
 * from the highest rank down, {@code acc = x(i) op acc}, so the result is in rank order for any operation. n - 1
 * messages, all into the root: good for few ranks or short messages.
 */
public final class LinearReduce implements ReduceAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "linear";

    private final Exchange exchange;
    private final Scratch scratch;

    /**
     * @param exchange the communicator's collective messages.
     * @param scratch  the communicator's scratch arrays; uses {@link Scratch#INCOMING}.
     */
    public LinearReduce(final Exchange exchange, final Scratch scratch)
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
    public void reduce(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Datatype type, final Op op, final int root)
    {
        final int rank = exchange.rank();
        final int size = exchange.size();
        if (rank != root)
        {
            exchange.send(sendBuffer, sendOffset, count, root);
            return;
        }

        final int last = size - 1;
        if (last == root)
        {
            Memory.copy(sendBuffer, sendOffset, recvBuffer, recvOffset, count, type);
        }
        else
        {
            exchange.expect(exchange.recv(recvBuffer, recvOffset, count, last), count, last);
        }
        final Object incoming = scratch.array(Scratch.INCOMING, type, count);
        for (int source = last - 1; source >= 0; source--)
        {
            if (source == root)
            {
                op.apply(sendBuffer, sendOffset, recvBuffer, recvOffset, count);
            }
            else
            {
                exchange.expect(exchange.recv(incoming, 0, count, source), count, source);
                op.apply(incoming, 0, recvBuffer, recvOffset, count);
            }
        }
    }
}
