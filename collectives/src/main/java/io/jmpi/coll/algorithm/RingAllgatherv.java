package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;

/**
 * Allgatherv round a ring (MPICH's allgatherv for long messages, Open MPI's tuned ring): as {@link RingAllgather},
 * each block with its own count and displacement, in place in the receive buffer.
 */
public final class RingAllgatherv implements AllgathervAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "ring";

    private final Exchange exchange;

    /**
     * @param exchange the communicator's collective messages.
     */
    public RingAllgatherv(final Exchange exchange)
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
    public void allgatherv(
        final Object sendBuffer, final int sendOffset, final int sendCount, final Object recvBuffer,
        final int recvOffset, final int[] recvCounts, final int[] displacements, final Datatype type)
    {
        final int rank = exchange.rank();
        final int size = exchange.size();
        Memory.copy(sendBuffer, sendOffset, recvBuffer, recvOffset + displacements[rank], sendCount, type);
        final int right = (rank + 1) % size;
        final int left = (rank - 1 + size) % size;
        for (int step = 0; step < size - 1; step++)
        {
            final int sent = (rank - step + size) % size;
            final int received = (rank - step - 1 + size) % size;
            exchange.expect(exchange.sendrecv(
                recvBuffer, recvOffset + displacements[sent], recvCounts[sent], right,
                recvBuffer, recvOffset + displacements[received], recvCounts[received], left),
                recvCounts[received], left);
        }
    }
}
