package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.Op;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;
import io.jmpi.coll.base.Scratch;

/**
 * Exclusive scan by recursive doubling (MPICH's exscan): as {@link RecursiveDoublingScan}, except that a rank's
 * result starts empty, takes the first run that comes from below as it is and folds later ones in on the left.
 * Rank 0's receive buffer is left unchanged.
 */
public final class RecursiveDoublingExscan implements ExscanAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "recursive_doubling";

    private final Exchange exchange;
    private final Scratch scratch;

    /**
     * @param exchange the communicator's collective messages.
     * @param scratch  the communicator's scratch arrays; uses {@link Scratch#INCOMING} and {@link Scratch#PARTIAL}.
     */
    public RecursiveDoublingExscan(final Exchange exchange, final Scratch scratch)
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
        final int size = exchange.size();
        if (1 == size)
        {
            return;
        }

        final Object run = scratch.array(Scratch.PARTIAL, type, count);
        final Object incoming = scratch.array(Scratch.INCOMING, type, count);
        Memory.copy(sendBuffer, sendOffset, run, 0, count, type);
        boolean hasResult = false;
        for (int mask = 1; mask < size; mask <<= 1)
        {
            final int partner = rank ^ mask;
            if (partner < size)
            {
                exchange.expect(exchange.sendrecv(run, 0, count, partner, incoming, 0, count, partner), count, partner);
                if (partner < rank)
                {
                    op.apply(incoming, 0, run, 0, count);
                    if (hasResult)
                    {
                        op.apply(incoming, 0, recvBuffer, recvOffset, count);
                    }
                    else
                    {
                        Memory.copy(incoming, 0, recvBuffer, recvOffset, count, type);
                        hasResult = true;
                    }
                }
                else if (op.isCommutative())
                {
                    op.apply(incoming, 0, run, 0, count);
                }
                else
                {
                    op.apply(run, 0, incoming, 0, count);
                    Memory.copy(incoming, 0, run, 0, count, type);
                }
            }
        }
    }
}
