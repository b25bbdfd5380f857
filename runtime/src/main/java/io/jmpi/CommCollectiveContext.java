package io.jmpi;

import io.aeron.Aeron;
import io.jmpi.spi.CollectiveContext;
import io.jmpi.transport.Channels;

/**
 * The runtime's side of the collective provider contract for one communicator.
 */
final class CommCollectiveContext implements CollectiveContext
{
    private final Comm comm;
    private final Comm channel;

    CommCollectiveContext(final Comm comm, final Comm channel)
    {
        this.comm = comm;
        this.channel = channel;
    }

    /**
     * {@inheritDoc}
     */
    public Comm channel()
    {
        return channel;
    }

    /**
     * {@inheritDoc}
     */
    public int worldRank(final int rank)
    {
        return comm.worldRankOf(rank);
    }

    /**
     * {@inheritDoc}
     */
    public Aeron aeron()
    {
        return comm.mpi().aeron();
    }

    /**
     * {@inheritDoc}
     */
    public int broadcastStreamId()
    {
        return Channels.broadcastStreamId(
            comm.contextBase() / Comm.CONTEXTS_PER_COMM, comm.worldRankOf(0), comm.mpi().world().size());
    }

    /**
     * {@inheritDoc}
     */
    public int localRanks()
    {
        return comm.mpi().localRanks();
    }

    /**
     * {@inheritDoc}
     */
    public void checkMembers()
    {
        comm.checkMembers();
    }
}
