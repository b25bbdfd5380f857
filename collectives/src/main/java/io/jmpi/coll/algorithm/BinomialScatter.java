package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;
import io.jmpi.coll.base.Scratch;

/**
 * Scatter along a binomial tree (MPICH's scatter), the mirror of {@link BinomialGather}: counting ranks from the
 * root, rank j receives the blocks of ranks {@code [j, j + lowbit(j))} from its parent in one message, keeps its own
 * and sends each child its run, the largest first. ceil(log2(n)) steps; suits short blocks.
 * <p>
 * The root sends straight from its buffer when it is rank 0, and otherwise first rotates the blocks so that they
 * run from its own; a leaf receives straight into its buffer.
 */
public final class BinomialScatter implements ScatterAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "binomial";

    private final Exchange exchange;
    private final Scratch scratch;

    /**
     * @param exchange the communicator's collective messages.
     * @param scratch  the communicator's scratch arrays; uses {@link Scratch#WORK}.
     */
    public BinomialScatter(final Exchange exchange, final Scratch scratch)
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
    public void scatter(
        final Object sendBuffer, final int sendOffset, final int count, final Object recvBuffer, final int recvOffset,
        final Datatype type, final int root)
    {
        final int rank = exchange.rank();
        final int size = exchange.size();
        final int relative = (rank - root + size) % size;
        final int extent = 0 == relative ? size : Math.min(Integer.lowestOneBit(relative), size - relative);

        final Object blocks;
        final int blocksOffset;
        if (rank == root && 0 == root)
        {
            blocks = sendBuffer;
            blocksOffset = sendOffset;
        }
        else if (1 == extent)
        {
            blocks = recvBuffer;
            blocksOffset = recvOffset;
        }
        else
        {
            blocks = scratch.array(Scratch.WORK, type, extent * count);
            blocksOffset = 0;
            if (rank == root)
            {
                final int head = size - root;
                Memory.copy(sendBuffer, sendOffset + root * count, blocks, 0, head * count, type);
                Memory.copy(sendBuffer, sendOffset, blocks, head * count, root * count, type);
            }
        }

        int mask = 1;
        while (mask < size)
        {
            if (0 != (relative & mask))
            {
                final int parent = (rank - mask + size) % size;
                exchange.expect(exchange.recv(blocks, blocksOffset, extent * count, parent), extent * count, parent);
                break;
            }
            mask <<= 1;
        }
        mask >>= 1;
        while (mask > 0)
        {
            final int child = relative + mask;
            if (child < size)
            {
                final int childBlocks = Math.min(mask, size - child);
                exchange.send(blocks, blocksOffset + mask * count, childBlocks * count, (rank + mask) % size);
            }
            mask >>= 1;
        }

        if (blocks != recvBuffer || blocksOffset != recvOffset)
        {
            Memory.copy(blocks, blocksOffset, recvBuffer, recvOffset, count, type);
        }
    }
}
