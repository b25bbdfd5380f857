package io.jmpi.coll;

import io.jmpi.Mpi;
import io.jmpi.coll.algorithm.BinomialBcast;
import io.jmpi.coll.algorithm.BinomialGather;
import io.jmpi.coll.algorithm.BinomialReduce;
import io.jmpi.coll.algorithm.BinomialScatter;
import io.jmpi.coll.algorithm.BruckAllgather;
import io.jmpi.coll.algorithm.BruckAlltoall;
import io.jmpi.coll.algorithm.DisseminationBarrier;
import io.jmpi.coll.algorithm.LinearGather;
import io.jmpi.coll.algorithm.LinearScan;
import io.jmpi.coll.algorithm.LinearExscan;
import io.jmpi.coll.algorithm.LinearScatter;
import io.jmpi.coll.algorithm.MulticastBcast;
import io.jmpi.coll.algorithm.PairwiseAlltoall;
import io.jmpi.coll.algorithm.RecursiveDoublingAllreduce;
import io.jmpi.coll.algorithm.RecursiveDoublingExscan;
import io.jmpi.coll.algorithm.RecursiveDoublingScan;
import io.jmpi.coll.algorithm.ReduceScattervReduceScatter;
import io.jmpi.coll.algorithm.RingAllgather;
import io.jmpi.coll.algorithm.RingAllreduce;
import io.jmpi.coll.algorithm.RingReduceScatter;
import io.jmpi.coll.algorithm.ScatterAllgatherBcast;
import io.jmpi.coll.algorithm.LinearGatherv;
import io.jmpi.coll.algorithm.LinearScatterv;
import io.jmpi.coll.algorithm.PairwiseAlltoallv;
import io.jmpi.coll.algorithm.RingAllgatherv;
import io.jmpi.coll.hier.HierarchicalAlgorithms;
import io.jmpi.coll.shm.ShmAlgorithms;

/**
 * The tuned selection rule: which algorithm serves a call, from the communicator's size and the message's size in
 * bytes (like Open MPI's coll_tuned decision functions), and whether the members share this host. Every member
 * computes the same choice from arguments that MPI requires to match.
 * <p>
 * On one host the shared-memory segment ({@link ShmAlgorithms}) serves every collective, as Open MPI's coll/sm
 * and coll/xhc take precedence over coll/tuned there: one copy in and one copy out per byte and a flag per
 * fragment, against a message per step of the point-to-point algorithms (benchmarks/RESULTS.md, "Collectives beside
 * Open MPI C"). Across hosts, where some host has several members, barrier, broadcast and commutative allreduce
 * go in two levels ({@link HierarchicalAlgorithms}, like Open MPI's coll/han): the segment on each host, one
 * leader per host over the network, with broadcast by multicast among the leaders. The other collectives across
 * hosts run their point-to-point algorithms, and a flat broadcast uses the multicast stream; the thresholds among
 * them come from benchmarks/RESULTS.md or follow the crossover points MPICH and Open MPI use, as they rest on the
 * same counts of steps and bytes.
 */
public final class TunedRules
{
    /**
     * Broadcast on two ranks: up to this many bytes (the default eager limit) one eager message along the tree beats
     * the broadcast stream; above it the message takes the rendezvous protocol's round trip, and the stream wins.
     */
    static final long BCAST_TWO_RANK_TREE_MAX_BYTES = Mpi.DEFAULT_EAGER_LIMIT;
    /** Broadcast without multicast: from this many bytes scatter-allgather beats the tree (MPICH's threshold). */
    static final long BCAST_SCATTER_ALLGATHER_MIN_BYTES = 512 * 1024;
    /** Allreduce: from this many bytes the ring's bandwidth beats recursive doubling's log2(n) full exchanges. */
    static final long ALLREDUCE_RING_MIN_BYTES = 64 * 1024;
    /** Gather and scatter: blocks up to this many bytes go through the binomial tree, longer ones straight. */
    static final long TREE_MAX_BLOCK_BYTES = 4 * 1024;
    /** Allgather: up to this many bytes in all, Bruck's log2(n) steps beat the ring's n - 1. */
    static final long ALLGATHER_BRUCK_MAX_BYTES = 64 * 1024;
    /** Alltoall: blocks up to this many bytes go by Bruck's algorithm, longer ones pairwise. */
    static final long ALLTOALL_BRUCK_MAX_BLOCK_BYTES = 256;
    /** Reduce-scatter: from this many bytes in all, the ring beats a reduce and a scatterv through rank 0. */
    static final long REDUCE_SCATTER_RING_MIN_BYTES = 64 * 1024;
    /** Scan and exscan: from this many bytes, one message per rank along the chain beats log2(n) exchanges. */
    static final long SCAN_LINEAR_MIN_BYTES = 256 * 1024;

    private TunedRules()
    {
    }

    /**
     * @param size         communicator size.
     * @param onHost       whether the members share this host and have a segment.
     * @param hierarchical whether the members span hosts with several members on some host.
     * @return the barrier algorithm: shm on one host, hierarchical across hosts, else dissemination, which has no
     * root to wait on.
     */
    public static String barrier(final int size, final boolean onHost, final boolean hierarchical)
    {
        if (onHost)
        {
            return ShmAlgorithms.NAME;
        }
        return hierarchical ? HierarchicalAlgorithms.NAME : DisseminationBarrier.NAME;
    }

    /**
     * Broadcast: through the segment on one host; in two levels across hosts where some host has several members;
     * else by multicast whenever the communicator has a broadcast stream, except on two ranks for messages up
     * to the eager limit, as benchmarks/RESULTS.md shows; without a stream, along a binomial tree, or by
     * scatter-allgather for long messages on more than two ranks.
     *
     * @param size         communicator size.
     * @param bytes        message length.
     * @param multicast    whether the communicator has a working broadcast stream (IPC or multicast).
     * @param onHost       whether the members share this host and have a segment.
     * @param hierarchical whether the members span hosts with several members on some host.
     * @return the broadcast algorithm.
     */
    public static String bcast(
        final int size, final long bytes, final boolean multicast, final boolean onHost, final boolean hierarchical)
    {
        if (onHost)
        {
            return ShmAlgorithms.NAME;
        }
        if (hierarchical)
        {
            return HierarchicalAlgorithms.NAME;
        }
        if (!multicast)
        {
            return bytes >= BCAST_SCATTER_ALLGATHER_MIN_BYTES && size > 2 ?
                ScatterAllgatherBcast.NAME : BinomialBcast.NAME;
        }
        return size < 2 || (2 == size && bytes <= BCAST_TWO_RANK_TREE_MAX_BYTES) ?
            BinomialBcast.NAME : MulticastBcast.NAME;
    }

    /**
     * @param size        communicator size.
     * @param bytes       message length.
     * @param commutative whether the operation is.
     * @param onHost      whether the members share this host and have a segment.
     * @return the reduce algorithm: the binomial tree, which serves every operation in rank order.
     */
    public static String reduce(final int size, final long bytes, final boolean commutative, final boolean onHost)
    {
        if (onHost)
        {
            return ShmAlgorithms.NAME;
        }
        return BinomialReduce.NAME;
    }

    /**
     * @param size         communicator size.
     * @param bytes        message length.
     * @param commutative  whether the operation is.
     * @param onHost       whether the members share this host and have a segment.
     * @param hierarchical whether the members span hosts with several members on some host.
     * @return the allreduce algorithm: shm on one host; hierarchical across hosts for commutative operations; else
     * the ring for long messages and commutative operations, else recursive doubling.
     */
    public static String allreduce(
        final int size, final long bytes, final boolean commutative, final boolean onHost, final boolean hierarchical)
    {
        if (onHost)
        {
            return ShmAlgorithms.NAME;
        }
        if (hierarchical && commutative)
        {
            return HierarchicalAlgorithms.NAME;
        }
        return commutative && size > 2 && bytes >= ALLREDUCE_RING_MIN_BYTES ?
            RingAllreduce.NAME : RecursiveDoublingAllreduce.NAME;
    }

    /**
     * @param size       communicator size.
     * @param blockBytes length of one rank's block.
     * @param onHost     whether the members share this host and have a segment.
     * @return the gather algorithm: the binomial tree for short blocks on more than two ranks, else linear.
     */
    public static String gather(final int size, final long blockBytes, final boolean onHost)
    {
        if (onHost)
        {
            return ShmAlgorithms.NAME;
        }
        return size > 2 && blockBytes <= TREE_MAX_BLOCK_BYTES ? BinomialGather.NAME : LinearGather.NAME;
    }

    /**
     * @param size       communicator size.
     * @param blockBytes length of one rank's block.
     * @param onHost     whether the members share this host and have a segment.
     * @return the scatter algorithm: the binomial tree for short blocks on more than two ranks, else linear.
     */
    public static String scatter(final int size, final long blockBytes, final boolean onHost)
    {
        if (onHost)
        {
            return ShmAlgorithms.NAME;
        }
        return size > 2 && blockBytes <= TREE_MAX_BLOCK_BYTES ? BinomialScatter.NAME : LinearScatter.NAME;
    }

    /**
     * @param size       communicator size.
     * @param blockBytes length of one rank's block.
     * @param onHost     whether the members share this host and have a segment.
     * @return the allgather algorithm: Bruck's for short totals, else the ring.
     */
    public static String allgather(final int size, final long blockBytes, final boolean onHost)
    {
        if (onHost)
        {
            return ShmAlgorithms.NAME;
        }
        return blockBytes * size <= ALLGATHER_BRUCK_MAX_BYTES ? BruckAllgather.NAME : RingAllgather.NAME;
    }

    /**
     * @param size       communicator size.
     * @param blockBytes length of one block.
     * @param onHost     whether the members share this host and have a segment.
     * @return the alltoall algorithm: Bruck's for short blocks on more than two ranks, else pairwise.
     */
    public static String alltoall(final int size, final long blockBytes, final boolean onHost)
    {
        if (onHost)
        {
            return ShmAlgorithms.NAME;
        }
        return size > 2 && blockBytes <= ALLTOALL_BRUCK_MAX_BLOCK_BYTES ? BruckAlltoall.NAME : PairwiseAlltoall.NAME;
    }

    /**
     * @param size        communicator size.
     * @param totalBytes  length of the whole send buffer.
     * @param commutative whether the operation is.
     * @param onHost      whether the members share this host and have a segment.
     * @return the reduce-scatter algorithm: the ring for long buffers and commutative operations, else a reduce and
     * a scatterv.
     */
    public static String reduceScatter(final int size, final long totalBytes, final boolean commutative, final boolean onHost)
    {
        if (onHost)
        {
            return ShmAlgorithms.NAME;
        }
        return commutative && totalBytes >= REDUCE_SCATTER_RING_MIN_BYTES ?
            RingReduceScatter.NAME : ReduceScattervReduceScatter.NAME;
    }

    /**
     * @param size   communicator size.
     * @param bytes  message length.
     * @param onHost whether the members share this host and have a segment.
     * @return the scan algorithm: recursive doubling for short messages, else the chain.
     */
    public static String scan(final int size, final long bytes, final boolean onHost)
    {
        if (onHost)
        {
            return ShmAlgorithms.NAME;
        }
        return bytes < SCAN_LINEAR_MIN_BYTES ? RecursiveDoublingScan.NAME : LinearScan.NAME;
    }

    /**
     * @param size   communicator size.
     * @param bytes  message length.
     * @param onHost whether the members share this host and have a segment.
     * @return the exscan algorithm: recursive doubling for short messages, else the chain.
     */
    public static String exscan(final int size, final long bytes, final boolean onHost)
    {
        if (onHost)
        {
            return ShmAlgorithms.NAME;
        }
        return bytes < SCAN_LINEAR_MIN_BYTES ? RecursiveDoublingExscan.NAME : LinearExscan.NAME;
    }

    /**
     * @param onHost whether the members share this host and have a segment.
     * @return the gatherv algorithm: shm on one host, else linear.
     */
    public static String gatherv(final boolean onHost)
    {
        return onHost ? ShmAlgorithms.NAME : LinearGatherv.NAME;
    }

    /**
     * @param onHost whether the members share this host and have a segment.
     * @return the scatterv algorithm: shm on one host, else linear.
     */
    public static String scatterv(final boolean onHost)
    {
        return onHost ? ShmAlgorithms.NAME : LinearScatterv.NAME;
    }

    /**
     * @param onHost whether the members share this host and have a segment.
     * @return the allgatherv algorithm: shm on one host, else the ring.
     */
    public static String allgatherv(final boolean onHost)
    {
        return onHost ? ShmAlgorithms.NAME : RingAllgatherv.NAME;
    }

    /**
     * @param onHost whether the members share this host and have a segment.
     * @return the alltoallv algorithm: shm on one host, else pairwise.
     */
    public static String alltoallv(final boolean onHost)
    {
        return onHost ? ShmAlgorithms.NAME : PairwiseAlltoallv.NAME;
    }
}
