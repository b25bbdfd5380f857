package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;
import io.jmpi.coll.base.Scratch;

/**
 * Alltoall by Bruck's algorithm (MPICH's and Open MPI's short-message alltoall): ceil(log2(n)) steps instead of
 * n - 1, at the price of moving each block up to log2(n) times and packing.
 * <ol>
 *     <li>Rotate: block i of a scratch array is the send block for rank + i.</li>
 *     <li>In step k, send to rank + 2^k the blocks whose index has bit k set, packed, and put the blocks received
 *     from rank - 2^k at the same indices. A block at index i thus travels i ranks up and keeps its index.</li>
 *     <li>Block i now comes from rank - i: copy it to that place of the receive buffer.</li>
 * </ol>
 */
public final class BruckAlltoall implements AlltoallAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "bruck";

    private final Exchange exchange;
    private final Scratch scratch;

    /**
     * @param exchange the communicator's collective messages.
     * @param scratch  the communicator's scratch arrays; uses {@link Scratch#WORK}, {@link Scratch#INCOMING} and
     *                 {@link Scratch#PARTIAL}.
     */
    public BruckAlltoall(final Exchange exchange, final Scratch scratch)
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
    public void alltoall(
        final Object sendBuffer, final int sendOffset, final int count, final Object recvBuffer, final int recvOffset,
        final Datatype type)
    {
        final int rank = exchange.rank();
        final int size = exchange.size();
        final Object blocks = scratch.array(Scratch.WORK, type, size * count);
        final Object packed = scratch.array(Scratch.PARTIAL, type, (size / 2) * count);
        final Object incoming = scratch.array(Scratch.INCOMING, type, (size / 2) * count);

        final int head = size - rank;
        Memory.copy(sendBuffer, sendOffset + rank * count, blocks, 0, head * count, type);
        Memory.copy(sendBuffer, sendOffset, blocks, head * count, rank * count, type);

        for (int distance = 1; distance < size; distance <<= 1)
        {
            int moved = 0;
            for (int index = distance; index < size; index++)
            {
                if (0 != (index & distance))
                {
                    Memory.copy(blocks, index * count, packed, moved * count, count, type);
                    moved++;
                }
            }
            final int source = (rank - distance + size) % size;
            exchange.expect(exchange.sendrecv(
                packed, 0, moved * count, (rank + distance) % size,
                incoming, 0, moved * count, source), moved * count, source);
            int unpacked = 0;
            for (int index = distance; index < size; index++)
            {
                if (0 != (index & distance))
                {
                    Memory.copy(incoming, unpacked * count, blocks, index * count, count, type);
                    unpacked++;
                }
            }
        }

        for (int index = 0; index < size; index++)
        {
            final int source = (rank - index + size) % size;
            Memory.copy(blocks, index * count, recvBuffer, recvOffset + source * count, count, type);
        }
    }
}
