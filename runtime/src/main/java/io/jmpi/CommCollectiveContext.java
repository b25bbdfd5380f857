package io.jmpi;

import io.aeron.Aeron;
import io.jmpi.spi.CollectiveContext;
import io.jmpi.transport.Channels;
import io.jmpi.transport.JobEnvironment;

import java.util.HashSet;
import java.util.Set;

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
    public String hostOf(final int rank)
    {
        return comm.mpi().environment().hostOf(comm.worldRankOf(rank));
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
    public long frameToken()
    {
        return comm.mpi().frameToken();
    }

    /**
     * {@inheritDoc}
     */
    public void frameDropped()
    {
        comm.mpi().collectiveFrameDropped();
    }

    /**
     * {@inheritDoc}
     */
    public String broadcastChannel()
    {
        final JobEnvironment environment = comm.mpi().environment();
        final int hosts = hosts().size();
        if (1 == hosts)
        {
            return Channels.IPC_CHANNEL;
        }
        final String group = environment.multicast();
        return null == group ?
            null : Channels.multicastChannel(group, broadcastStreamId(), environment.hostAddress(), hosts);
    }

    /**
     * {@inheritDoc}
     */
    public String sharedMemoryDirectory()
    {
        return 1 == hosts().size() ? comm.mpi().environment().aeronDir() : null;
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

    /**
     * @return the hosts of the members; this rank is a member, so a single host is this one.
     */
    private Set<String> hosts()
    {
        final Set<String> hosts = new HashSet<>();
        for (int rank = 0; rank < comm.size(); rank++)
        {
            hosts.add(hostOf(rank));
        }
        return hosts;
    }
}
