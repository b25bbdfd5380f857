package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;
import io.jmpi.coll.base.Scratch;

/**
 * Allgather by Bruck's algorithm (MPICH's short-message allgather for any number of ranks): ranks gather blocks in
 * a scratch array starting from their own; in step k each rank sends the {@code min(2^k, n - 2^k)} blocks it has to
 * the rank 2^k below and receives as many from the rank 2^k above, so ceil(log2(n)) steps suffice; a final rotation
 * puts the blocks in rank order. Few steps at the cost of a copy: for short blocks.
 */
public final class BruckAllgather implements AllgatherAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "bruck";

    private final Exchange exchange;
    private final Scratch scratch;

    /**
     * @param exchange the communicator's collective messages.
     * @param scratch  the communicator's scratch arrays; uses {@link Scratch#WORK}.
     */
    public BruckAllgather(final Exchange exchange, final Scratch scratch)
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
    public void allgather(
        final Object sendBuffer, final int sendOffset, final int count, final Object recvBuffer, final int recvOffset,
        final Datatype type)
    {
        final int rank = exchange.rank();
        final int size = exchange.size();
        final Object blocks = scratch.array(Scratch.WORK, type, size * count);
        Memory.copy(sendBuffer, sendOffset, blocks, 0, count, type);
        for (int distance = 1; distance < size; distance <<= 1)
        {
            final int moved = Math.min(distance, size - distance) * count;
            final int source = (rank + distance) % size;
            exchange.expect(exchange.sendrecv(
                blocks, 0, moved, (rank - distance + size) % size,
                blocks, distance * count, moved, source), moved, source);
        }
        final int head = size - rank;
        Memory.copy(blocks, 0, recvBuffer, recvOffset + rank * count, head * count, type);
        Memory.copy(blocks, head * count, recvBuffer, recvOffset, rank * count, type);
    }
}
