package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.coll.base.Exchange;

/**
 * Broadcast along a binomial tree rooted at the root (MPICH's and Open MPI's short-message broadcast): in step k
 * every rank that has the message sends it to the rank 2^k further on, counting from the root, so the message
 * reaches n ranks in ceil(log2(n)) steps. Each rank receives the whole message once and forwards it whole.
 */
public final class BinomialBcast implements BcastAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "binomial";

    private final Exchange exchange;

    /**
     * @param exchange the communicator's collective messages.
     */
    public BinomialBcast(final Exchange exchange)
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
        final int rank = exchange.rank();
        final int size = exchange.size();
        final int relative = (rank - root + size) % size;
        int mask = 1;
        while (mask < size)
        {
            if (0 != (relative & mask))
            {
                final int parent = (rank - mask + size) % size;
                exchange.expect(exchange.recv(buffer, offset, count, parent), count, parent);
                break;
            }
            mask <<= 1;
        }
        mask >>= 1;
        while (mask > 0)
        {
            if (relative + mask < size)
            {
                exchange.send(buffer, offset, count, (rank + mask) % size);
            }
            mask >>= 1;
        }
    }
}
