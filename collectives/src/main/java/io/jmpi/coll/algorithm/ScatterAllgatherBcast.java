package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.Mpi;
import io.jmpi.coll.base.Exchange;

/**
 * Broadcast for long messages by scatter then allgather (van de Geijn; MPICH's long-message broadcast): the root
 * scatters the message in n blocks along a binomial tree, then the ranks pass the blocks round a ring until every
 * rank has all of them. Each rank sends and receives about 2 (n - 1) / n of the message instead of all of it
 * log2(n) times, in place in the user's buffer.
 * <p>
 * Block j, counting ranks from the root, is elements {@code [j * b, (j + 1) * b)} clipped to the count, with
 * {@code b = ceil(count / n)}; in the binomial tree rank j holds blocks {@code [j, j + lowbit(j))}, so both ends of
 * every message know its length, and empty blocks are not sent.
 */
public final class ScatterAllgatherBcast implements BcastAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "scatter_allgather";

    private final Exchange exchange;

    /**
     * @param exchange the communicator's collective messages.
     */
    public ScatterAllgatherBcast(final Exchange exchange)
    {
        this.exchange = exchange;
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
    public void bcast(final Object buffer, final int offset, final int count, final Datatype type, final int root)
    {
        final int size = exchange.size();
        if (1 == size)
        {
            return;
        }
        final int rank = exchange.rank();
        final int relative = (rank - root + size) % size;
        final int block = (count + size - 1) / size;

        int mask = 1;
        while (mask < size)
        {
            if (0 != (relative & mask))
            {
                final int start = start(relative, block, count);
                final int length = start(relative + mask, block, count) - start;
                if (length > 0)
                {
                    final int parent = (rank - mask + size) % size;
                    exchange.expect(exchange.recv(buffer, offset + start, length, parent), length, parent);
                }
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
                final int start = start(child, block, count);
                final int length = start(Math.min(child + mask, size), block, count) - start;
                if (length > 0)
                {
                    exchange.send(buffer, offset + start, length, (rank + mask) % size);
                }
            }
            mask >>= 1;
        }

        final int right = (rank + 1) % size;
        final int left = (rank - 1 + size) % size;
        for (int step = 0; step < size - 1; step++)
        {
            final int sent = (relative - step + size) % size;
            final int received = (relative - step - 1 + size) % size;
            final int sentStart = start(sent, block, count);
            final int sentLength = start(sent + 1, block, count) - sentStart;
            final int receivedStart = start(received, block, count);
            final int receivedLength = start(received + 1, block, count) - receivedStart;
            exchange.sendrecv(
                buffer, offset + sentStart, sentLength, sentLength > 0 ? right : Mpi.PROC_NULL,
                buffer, offset + receivedStart, receivedLength, receivedLength > 0 ? left : Mpi.PROC_NULL);
        }
    }

    private static int start(final int blockIndex, final int block, final int count)
    {
        return (int)Math.min((long)blockIndex * block, count);
    }
}
