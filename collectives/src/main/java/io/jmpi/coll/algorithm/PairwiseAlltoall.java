package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;

/**
 * Alltoall by pairwise exchange (MPICH's long-message alltoall, Open MPI's tuned pairwise): in step s each rank
 * sends its block for rank + s and receives the block of rank - s, n - 1 steps of one exchange each, every block
 * moved once straight between the users' buffers.
 */
public final class PairwiseAlltoall implements AlltoallAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "pairwise";

    private final Exchange exchange;

    /**
     * @param exchange the communicator's collective messages.
     */
    public PairwiseAlltoall(final Exchange exchange)
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
    public void alltoall(
        final Object sendBuffer, final int sendOffset, final int count, final Object recvBuffer, final int recvOffset,
        final Datatype type)
    {
        final int rank = exchange.rank();
        final int size = exchange.size();
        Memory.copy(sendBuffer, sendOffset + rank * count, recvBuffer, recvOffset + rank * count, count, type);
        for (int step = 1; step < size; step++)
        {
            final int destination = (rank + step) % size;
            final int source = (rank - step + size) % size;
            exchange.expect(exchange.sendrecv(
                sendBuffer, sendOffset + destination * count, count, destination,
                recvBuffer, recvOffset + source * count, count, source), count, source);
        }
    }
}
