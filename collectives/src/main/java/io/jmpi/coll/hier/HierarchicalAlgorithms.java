package io.jmpi.coll.hier;

import io.jmpi.Comm;
import io.jmpi.Datatype;
import io.jmpi.ErrorClass;
import io.jmpi.Group;
import io.jmpi.MpiException;
import io.jmpi.Op;
import io.jmpi.coll.algorithm.AllreduceAlgorithm;
import io.jmpi.coll.algorithm.BarrierAlgorithm;
import io.jmpi.coll.algorithm.BcastAlgorithm;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Scratch;
import io.jmpi.spi.CollectiveContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Collectives of a communicator that spans hosts, in two levels (like Open MPI's coll/han), the algorithm named
 * {@value #NAME}: a step among the members of each host, through their shared-memory segment; a step among one
 * leader per host (its lowest rank), over UDP, with broadcast by multicast; then the host step again. So only
 * one message per host crosses the network where a flat algorithm sends one per rank.
 * <p>
 * Barrier: host barrier, leaders' barrier, host barrier. Broadcast: on the root's host from the root, among the
 * leaders from the root's leader, on the other hosts from their leader. Allreduce: reduce to each host's leader,
 * allreduce among the leaders, broadcast on each host; only for commutative operations, as the levels combine the
 * contributions out of rank order (Open MPI's HAN makes the same restriction).
 * <p>
 * The two levels are communicators split from the collective channel at the first call that needs them, which
 * every member makes alike. A level's error that leaves the others going (a truncated broadcast) is kept and
 * thrown when the call ends, so that the other levels still run.
 */
public final class HierarchicalAlgorithms implements BarrierAlgorithm, BcastAlgorithm, AllreduceAlgorithm,
    AutoCloseable
{
    /** Name of the algorithms. */
    public static final String NAME = "hierarchical";

    private final CollectiveContext context;
    private final Exchange exchange;
    private final Scratch scratch;
    private final int[] hostOfRank;
    private final int[] leaderOfHost;
    private final int[] localRank;
    private final boolean available;
    private Comm host;
    private Comm leaders;

    /**
     * @param context  the communicator's collective context, for its channel and the members' hosts.
     * @param exchange the communicator's collective messages, where a level's errors are kept.
     * @param scratch  the communicator's scratch arrays, for the partial results of allreduce.
     */
    public HierarchicalAlgorithms(final CollectiveContext context, final Exchange exchange, final Scratch scratch)
    {
        this.context = context;
        this.exchange = exchange;
        this.scratch = scratch;
        final int size = exchange.size();
        hostOfRank = new int[size];
        localRank = new int[size];
        final List<String> hosts = new ArrayList<>();
        final List<Integer> leaderRanks = new ArrayList<>();
        final List<Integer> membersOnHost = new ArrayList<>();
        for (int rank = 0; rank < size; rank++)
        {
            final String name = context.hostOf(rank);
            int index = hosts.indexOf(name);
            if (index < 0)
            {
                index = hosts.size();
                hosts.add(name);
                leaderRanks.add(rank);
                membersOnHost.add(0);
            }
            hostOfRank[rank] = index;
            localRank[rank] = membersOnHost.get(index);
            membersOnHost.set(index, localRank[rank] + 1);
        }
        leaderOfHost = leaderRanks.stream().mapToInt(Integer::intValue).toArray();
        available = hosts.size() > 1 && hosts.size() < size;
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return NAME;
    }

    /**
     * @return true if the members span hosts and some host has more than one of them: only then do two levels
     * differ from one.
     */
    public boolean isAvailable()
    {
        return available;
    }

    /**
     * @param op a reduction operation.
     * @return whether the operation is commutative: the levels combine contributions out of rank order.
     */
    public boolean supports(final Op op)
    {
        return op.isCommutative();
    }

    /**
     * {@inheritDoc}
     */
    public void barrier()
    {
        split();
        host.barrier();
        if (null != leaders)
        {
            leaders.barrier();
        }
        host.barrier();
    }

    /**
     * {@inheritDoc}
     */
    public void bcast(final Object buffer, final int offset, final int count, final Datatype type, final int root)
    {
        split();
        final int rootHost = hostOfRank[root];
        final boolean onRootHost = hostOfRank[exchange.rank()] == rootHost;
        if (onRootHost)
        {
            try
            {
                host.bcast(buffer, offset, count, localRank[root]);
            }
            catch (final MpiException ex)
            {
                keep(ex);
            }
        }
        if (null != leaders)
        {
            try
            {
                leaders.bcast(buffer, offset, count, rootHost);
            }
            catch (final MpiException ex)
            {
                keep(ex);
            }
        }
        if (!onRootHost)
        {
            try
            {
                host.bcast(buffer, offset, count, 0);
            }
            catch (final MpiException ex)
            {
                keep(ex);
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public void allreduce(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Datatype type, final Op op)
    {
        split();
        if (null != leaders)
        {
            final Object hostResult = scratch.array(Scratch.PARTIAL, type, count);
            try
            {
                host.reduce(sendBuffer, sendOffset, hostResult, 0, count, op, 0);
            }
            catch (final MpiException ex)
            {
                keep(ex);
            }
            try
            {
                leaders.allreduce(hostResult, 0, recvBuffer, recvOffset, count, op);
            }
            catch (final MpiException ex)
            {
                keep(ex);
            }
        }
        else
        {
            try
            {
                host.reduce(sendBuffer, sendOffset, recvBuffer, recvOffset, count, op, 0);
            }
            catch (final MpiException ex)
            {
                keep(ex);
            }
        }
        try
        {
            host.bcast(recvBuffer, recvOffset, count, 0);
        }
        catch (final MpiException ex)
        {
            keep(ex);
        }
    }

    /**
     * Free the two levels' communicators.
     */
    public void close()
    {
        if (null != leaders)
        {
            leaders.free();
        }
        if (null != host)
        {
            host.free();
        }
    }

    private void split()
    {
        if (null != host)
        {
            return;
        }
        final int rank = exchange.rank();
        final Comm channel = context.channel();
        host = channel.split(hostOfRank[rank], rank);
        leaders = channel.split(leaderOfHost[hostOfRank[rank]] == rank ? 0 : Group.UNDEFINED, rank);
    }

    /**
     * Keep the error of one level's step that the level's members all get past (truncation, counts) for the end of
     * the call, so that this member still takes part in the other levels; throw any other.
     */
    private void keep(final MpiException ex)
    {
        if (ErrorClass.ERR_TRUNCATE != ex.errorClass() && ErrorClass.ERR_COUNT != ex.errorClass())
        {
            throw ex;
        }
        exchange.defer(ex);
    }
}
