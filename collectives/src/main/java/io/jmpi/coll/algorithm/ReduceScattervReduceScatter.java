package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.Op;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Scratch;

/**
 * Reduce-scatter as a reduce to rank 0 followed by a scatterv from it (Open MPI's basic reduce_scatter): in rank
 * order for any operation, with the reduce's tree; the whole result passes through rank 0.
 */
public final class ReduceScattervReduceScatter implements ReduceScatterAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "reduce_scatterv";

    private final ReduceAlgorithm reduce;
    private final ScattervAlgorithm scatterv;
    private final Exchange exchange;
    private final Scratch scratch;
    private final int[] displacements;

    /**
     * @param reduce   the reduce to use; it must not use {@link Scratch#PARTIAL}.
     * @param scatterv the scatterv to use; it must not use {@link Scratch#PARTIAL}.
     * @param exchange the communicator's collective messages.
     * @param scratch  the communicator's scratch arrays; uses {@link Scratch#PARTIAL} for the result at rank 0.
     */
    public ReduceScattervReduceScatter(
        final ReduceAlgorithm reduce, final ScattervAlgorithm scatterv, final Exchange exchange, final Scratch scratch)
    {
        this.reduce = reduce;
        this.scatterv = scatterv;
        this.exchange = exchange;
        this.scratch = scratch;
        this.displacements = new int[exchange.size()];
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
    public void reduceScatter(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int[] recvCounts, final Datatype type, final Op op)
    {
        int total = 0;
        for (int i = 0; i < displacements.length; i++)
        {
            displacements[i] = total;
            total += recvCounts[i];
        }
        final int rank = exchange.rank();
        final Object result = 0 == rank ? scratch.array(Scratch.PARTIAL, type, total) : null;
        reduce.reduce(sendBuffer, sendOffset, result, 0, total, type, op, 0);
        scatterv.scatterv(result, 0, recvCounts, displacements, recvBuffer, recvOffset, recvCounts[rank], type, 0);
    }
}
