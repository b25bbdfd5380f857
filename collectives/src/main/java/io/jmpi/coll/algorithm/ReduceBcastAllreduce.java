package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.Op;

/**
 * Allreduce as a reduce to rank 0 followed by a broadcast from it (Open MPI's basic allreduce): in rank order for
 * any operation, and the broadcast may be the multicast one, which sends the result once to all ranks.
 */
public final class ReduceBcastAllreduce implements AllreduceAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "reduce_bcast";

    private final ReduceAlgorithm reduce;
    private final BcastAlgorithm bcast;

    /**
     * @param reduce the reduce to use; it must not use the scratch slots of the caller's broadcast.
     * @param bcast  the broadcast to use.
     */
    public ReduceBcastAllreduce(final ReduceAlgorithm reduce, final BcastAlgorithm bcast)
    {
        this.reduce = reduce;
        this.bcast = bcast;
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
    public void allreduce(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Datatype type, final Op op)
    {
        reduce.reduce(sendBuffer, sendOffset, recvBuffer, recvOffset, count, type, op, 0);
        bcast.bcast(recvBuffer, recvOffset, count, type, 0);
    }
}
