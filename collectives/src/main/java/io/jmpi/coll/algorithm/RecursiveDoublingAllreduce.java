package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.Op;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;
import io.jmpi.coll.base.Scratch;

/**
 * Allreduce by recursive doubling (MPICH's short-message allreduce): in step k each rank exchanges its partial
 * result with the rank whose number differs in bit k and combines the two, so after log2(n) steps every rank has
 * the whole reduction. When n is not a power of two, the first {@code 2r} ranks ({@code r = n - 2^floor(log2 n)})
 * first fold in pairs, the even one handing its data to the odd one, and get the result back at the end.
 * <p>
 * Partials always cover runs of consecutive ranks, and the lower run is combined on the left, so the result is in
 * rank order for any operation; two partners combine the same operands in the same order, so every rank gets
 * bit for bit the same result, floating point included.
 */
public final class RecursiveDoublingAllreduce implements AllreduceAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "recursive_doubling";

    private final Exchange exchange;
    private final Scratch scratch;

    /**
     * @param exchange the communicator's collective messages.
     * @param scratch  the communicator's scratch arrays; uses {@link Scratch#INCOMING}.
     */
    public RecursiveDoublingAllreduce(final Exchange exchange, final Scratch scratch)
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
    public void allreduce(
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

        final Object incoming = scratch.array(Scratch.INCOMING, type, count);
        final int powerOfTwo = Integer.highestOneBit(size);
        final int extra = size - powerOfTwo;
        final int folded;
        if (rank < 2 * extra)
        {
            if (0 == rank % 2)
            {
                exchange.send(recvBuffer, recvOffset, count, rank + 1);
                folded = -1;
            }
            else
            {
                exchange.expect(exchange.recv(incoming, 0, count, rank - 1), count, rank - 1);
                op.apply(incoming, 0, recvBuffer, recvOffset, count);
                folded = rank / 2;
            }
        }
        else
        {
            folded = rank - extra;
        }

        if (folded >= 0)
        {
            for (int mask = 1; mask < powerOfTwo; mask <<= 1)
            {
                final int foldedPartner = folded ^ mask;
                final int partner = foldedPartner < extra ? 2 * foldedPartner + 1 : foldedPartner + extra;
                exchange.expect(exchange.sendrecv(
                    recvBuffer, recvOffset, count, partner, incoming, 0, count, partner), count, partner);
                if (partner < rank || op.isCommutative())
                {
                    op.apply(incoming, 0, recvBuffer, recvOffset, count);
                }
                else
                {
                    op.apply(recvBuffer, recvOffset, incoming, 0, count);
                    Memory.copy(incoming, 0, recvBuffer, recvOffset, count, type);
                }
            }
        }

        if (rank < 2 * extra)
        {
            if (0 == rank % 2)
            {
                exchange.expect(exchange.recv(recvBuffer, recvOffset, count, rank + 1), count, rank + 1);
            }
            else
            {
                exchange.send(recvBuffer, recvOffset, count, rank - 1);
            }
        }
    }
}
