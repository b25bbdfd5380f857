package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;

/**
 * Allgather round a ring (MPICH's and Open MPI's long-message allgather): in each of n - 1 steps every rank passes
 * the block it got last to its right neighbour and receives a new one from its left, in place in the receive
 * buffer. Each rank sends and receives n - 1 blocks, the minimum, but in n - 1 steps.
 */
public final class RingAllgather implements AllgatherAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "ring";

    private final Exchange exchange;

    /**
     * @param exchange the communicator's collective messages.
     */
    public RingAllgather(final Exchange exchange)
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
    public void allgather(
        final Object sendBuffer, final int sendOffset, final int count, final Object recvBuffer, final int recvOffset,
        final Datatype type)
    {
        final int rank = exchange.rank();
        final int size = exchange.size();
        Memory.copy(sendBuffer, sendOffset, recvBuffer, recvOffset + rank * count, count, type);
        final int right = (rank + 1) % size;
        final int left = (rank - 1 + size) % size;
        for (int step = 0; step < size - 1; step++)
        {
            final int sent = (rank - step + size) % size;
            final int received = (rank - step - 1 + size) % size;
            exchange.expect(exchange.sendrecv(
                recvBuffer, recvOffset + sent * count, count, right,
                recvBuffer, recvOffset + received * count, count, left), count, left);
        }
    }
}
