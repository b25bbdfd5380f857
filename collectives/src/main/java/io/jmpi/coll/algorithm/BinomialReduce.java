package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.Op;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;
import io.jmpi.coll.base.Scratch;

/**
 * Reduce along a binomial tree (MPICH's short-message reduce): in step k every rank whose bit k is set sends its
 * partial result to the rank 2^k below it, which combines it with its own, so the result reaches the top of the
 * tree in ceil(log2(n)) steps.
 * <p>
 * A rank's partial result always covers a run of consecutive ranks starting at its own, and a partial from above
 * is combined on the right, {@code acc = acc op incoming}; so for a non-commutative operation the tree is rooted at
 * rank 0, where runs follow rank order, and rank 0 then sends the result to the root (as MPICH does). For a
 * commutative one the tree is rooted at the root itself, counting ranks from it.
 */
public final class BinomialReduce implements ReduceAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "binomial";

    private final Exchange exchange;
    private final Scratch scratch;

    /**
     * @param exchange the communicator's collective messages.
     * @param scratch  the communicator's scratch arrays; uses {@link Scratch#WORK} and {@link Scratch#INCOMING}.
     */
    public BinomialReduce(final Exchange exchange, final Scratch scratch)
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
        final boolean commutative = op.isCommutative();
        final int top = commutative ? root : 0;
        final int relative = (rank - top + size) % size;

        final Object acc = rank == root ? recvBuffer : scratch.array(Scratch.WORK, type, count);
        final int accOffset = rank == root ? recvOffset : 0;
        Memory.copy(sendBuffer, sendOffset, acc, accOffset, count, type);

        int mask = 1;
        while (mask < size)
        {
            if (0 != (relative & mask))
            {
                exchange.send(acc, accOffset, count, (rank - mask + size) % size);
                break;
            }
            if ((relative | mask) < size)
            {
                final int child = (rank + mask) % size;
                final Object incoming = scratch.array(Scratch.INCOMING, type, count);
                exchange.expect(exchange.recv(incoming, 0, count, child), count, child);
                if (commutative)
                {
                    op.apply(incoming, 0, acc, accOffset, count);
                }
                else
                {
                    op.apply(acc, accOffset, incoming, 0, count);
                    Memory.copy(incoming, 0, acc, accOffset, count, type);
                }
            }
            mask <<= 1;
        }

        if (top != root)
        {
            if (rank == top)
            {
                exchange.send(acc, accOffset, count, root);
            }
            else if (rank == root)
            {
                exchange.expect(exchange.recv(recvBuffer, recvOffset, count, top), count, top);
            }
        }
    }
}
