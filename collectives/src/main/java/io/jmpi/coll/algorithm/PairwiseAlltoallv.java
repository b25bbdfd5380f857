package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;

/**
 * Alltoallv by pairwise exchange (Open MPI's tuned pairwise alltoallv): in step s each rank sends its block for
 * rank + s and receives the block of rank - s, each with its own count and displacement.
 */
public final class PairwiseAlltoallv implements AlltoallvAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "pairwise";

    private final Exchange exchange;

    /**
     * @param exchange the communicator's collective messages.
     */
    public PairwiseAlltoallv(final Exchange exchange)
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
    public void alltoallv(
        final Object sendBuffer, final int sendOffset, final int[] sendCounts, final int[] sendDisplacements,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] recvDisplacements,
        final Datatype type)
    {
        final int rank = exchange.rank();
        final int size = exchange.size();
        Memory.copy(
            sendBuffer, sendOffset + sendDisplacements[rank], recvBuffer, recvOffset + recvDisplacements[rank],
            sendCounts[rank], type);
        for (int step = 1; step < size; step++)
        {
            final int destination = (rank + step) % size;
            final int source = (rank - step + size) % size;
            exchange.expect(exchange.sendrecv(
                sendBuffer, sendOffset + sendDisplacements[destination], sendCounts[destination], destination,
                recvBuffer, recvOffset + recvDisplacements[source], recvCounts[source], source),
                recvCounts[source], source);
        }
    }
}
