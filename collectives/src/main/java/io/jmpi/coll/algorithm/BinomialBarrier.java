package io.jmpi.coll.algorithm;

import io.jmpi.coll.base.Exchange;

/**
 * Barrier along a binomial tree rooted at rank 0: zero-byte messages fan in to the root, then fan out again
 * (Open MPI's tuned "tree" barrier). 2 * ceil(log2(n)) steps, and n - 1 messages each way.
 */
public final class BinomialBarrier implements BarrierAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "binomial";

    private static final byte[] EMPTY = new byte[0];

    private final Exchange exchange;

    /**
     * @param exchange the communicator's collective messages.
     */
    public BinomialBarrier(final Exchange exchange)
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
    public void barrier()
    {
        final int rank = exchange.rank();
        final int size = exchange.size();
        int mask = 1;
        while (mask < size)
        {
            if (0 != (rank & mask))
            {
                exchange.send(EMPTY, 0, 0, rank - mask);
                exchange.recv(EMPTY, 0, 0, rank - mask);
                break;
            }
            if ((rank | mask) < size)
            {
                exchange.recv(EMPTY, 0, 0, rank | mask);
            }
            mask <<= 1;
        }
        mask >>= 1;
        while (mask > 0)
        {
            if (rank + mask < size)
            {
                exchange.send(EMPTY, 0, 0, rank + mask);
            }
            mask >>= 1;
        }
    }
}
