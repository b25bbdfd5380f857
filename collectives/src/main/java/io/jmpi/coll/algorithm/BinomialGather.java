package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;
import io.jmpi.coll.base.Scratch;

/**
 * Gather along a binomial tree (MPICH's gather): counting ranks from the root, rank j collects the blocks of ranks
 * {@code [j, j + lowbit(j))} from its children and sends them on to its parent in one message, so the root receives
 * ceil(log2(n)) messages instead of n - 1. Blocks travel through intermediate ranks, so this suits short blocks.
 * <p>
 * Ranks keep their run of blocks in a scratch array; the root receives straight into its buffer when it is rank 0,
 * and otherwise rotates the blocks into rank order at the end.
 */
public final class BinomialGather implements GatherAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "binomial";

    private final Exchange exchange;
    private final Scratch scratch;

    /**
     * @param exchange the communicator's collective messages.
     * @param scratch  the communicator's scratch arrays; uses {@link Scratch#WORK}.
     */
    public BinomialGather(final Exchange exchange, final Scratch scratch)
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
    public void gather(
        final Object sendBuffer, final int sendOffset, final int count, final Object recvBuffer, final int recvOffset,
        final Datatype type, final int root)
    {
        final int rank = exchange.rank();
        final int size = exchange.size();
        final int relative = (rank - root + size) % size;
        final int extent = 0 == relative ? size : Math.min(Integer.lowestOneBit(relative), size - relative);
        final boolean direct = 0 == root && 0 == rank;
        final Object blocks = direct ? recvBuffer : scratch.array(Scratch.WORK, type, extent * count);
        final int blocksOffset = direct ? recvOffset : 0;
        Memory.copy(sendBuffer, sendOffset, blocks, blocksOffset, count, type);

        int mask = 1;
        while (mask < size)
        {
            if (0 != (relative & mask))
            {
                exchange.send(blocks, blocksOffset, extent * count, (rank - mask + size) % size);
                break;
            }
            final int child = relative + mask;
            if (child < size)
            {
                final int childBlocks = Math.min(mask, size - child);
                final int source = (rank + mask) % size;
                final int received = exchange.recv(blocks, blocksOffset + mask * count, childBlocks * count, source);
                exchange.expect(received, childBlocks * count, source);
            }
            mask <<= 1;
        }

        if (rank == root && !direct)
        {
            final int head = size - root;
            Memory.copy(blocks, 0, recvBuffer, recvOffset + root * count, head * count, type);
            Memory.copy(blocks, head * count, recvBuffer, recvOffset, root * count, type);
        }
    }
}
