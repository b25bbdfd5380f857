package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.Op;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;
import io.jmpi.coll.base.Scratch;

/**
 * Scan by recursive doubling (MPICH's scan): in step k each rank exchanges with the rank whose number differs in
 * bit k the reduction of its current run of 2^k ranks; a rank folds what comes from below into both its run and its
 * result, and what comes from above into its run only. ceil(log2(n)) steps, in rank order for any operation.
 */
public final class RecursiveDoublingScan implements ScanAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "recursive_doubling";

    private final Exchange exchange;
    private final Scratch scratch;

    /**
     * @param exchange the communicator's collective messages.
     * @param scratch  the communicator's scratch arrays; uses {@link Scratch#INCOMING} and {@link Scratch#PARTIAL}.
     */
    public RecursiveDoublingScan(final Exchange exchange, final Scratch scratch)
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
        final int size = exchange.size();
        Memory.copy(sendBuffer, sendOffset, recvBuffer, recvOffset, count, type);
        if (1 == size)
        {
            return;
        }

        final Object run = scratch.array(Scratch.PARTIAL, type, count);
        final Object incoming = scratch.array(Scratch.INCOMING, type, count);
        Memory.copy(sendBuffer, sendOffset, run, 0, count, type);
        for (int mask = 1; mask < size; mask <<= 1)
        {
            final int partner = rank ^ mask;
            if (partner < size)
            {
                exchange.expect(exchange.sendrecv(run, 0, count, partner, incoming, 0, count, partner), count, partner);
                if (partner < rank)
                {
                    op.apply(incoming, 0, run, 0, count);
                    op.apply(incoming, 0, recvBuffer, recvOffset, count);
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
