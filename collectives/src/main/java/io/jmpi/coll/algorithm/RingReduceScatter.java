package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.Op;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;
import io.jmpi.coll.base.Scratch;

/**
 * Reduce-scatter round a ring (Open MPI's tuned ring reduce_scatter for long messages): the first half of
 * {@link RingAllreduce}, with the user's blocks. In step s each rank passes its partial of block
 * {@code rank - s - 1} to its right neighbour, which combines it into its own copy, so after n - 1 steps each rank
 * holds its own block fully reduced. Each rank sends (n - 1) / n of the buffer. Blocks are reduced in ring order, so
 * this serves commutative operations only.
 */
public final class RingReduceScatter implements ReduceScatterAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "ring";

    private final Exchange exchange;
    private final Scratch scratch;
    private final int[] starts;

    /**
     * @param exchange the communicator's collective messages.
     * @param scratch  the communicator's scratch arrays; uses {@link Scratch#WORK} and {@link Scratch#INCOMING}.
     */
    public RingReduceScatter(final Exchange exchange, final Scratch scratch)
    {
        this.exchange = exchange;
        this.scratch = scratch;
        this.starts = new int[exchange.size() + 1];
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return NAME;
    }

    /**
     * @return true for commutative operations only.
     */
    public boolean supports(final Op op)
    {
        return op.isCommutative();
    }

    /**
     * {@inheritDoc}
     */
    public void reduceScatter(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int[] recvCounts, final Datatype type, final Op op)
    {
        final int rank = exchange.rank();
        final int size = exchange.size();
        int largest = 0;
        for (int i = 0; i < size; i++)
        {
            starts[i + 1] = starts[i] + recvCounts[i];
            largest = Math.max(largest, recvCounts[i]);
        }

        final Object partial = scratch.array(Scratch.WORK, type, starts[size]);
        final Object incoming = scratch.array(Scratch.INCOMING, type, largest);
        Memory.copy(sendBuffer, sendOffset, partial, 0, starts[size], type);
        final int right = (rank + 1) % size;
        final int left = (rank - 1 + size) % size;
        for (int step = 0; step < size - 1; step++)
        {
            final int sent = (rank - step - 1 + size) % size;
            final int received = (rank - step - 2 + 2 * size) % size;
            exchange.expect(exchange.sendrecv(
                partial, starts[sent], recvCounts[sent], right,
                incoming, 0, recvCounts[received], left), recvCounts[received], left);
            op.apply(incoming, 0, partial, starts[received], recvCounts[received]);
        }
        Memory.copy(partial, starts[rank], recvBuffer, recvOffset, recvCounts[rank], type);
    }
}
