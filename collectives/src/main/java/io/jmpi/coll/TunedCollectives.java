package io.jmpi.coll;

import io.jmpi.Datatype;
import io.jmpi.Op;
import io.jmpi.coll.algorithm.AllgatherAlgorithm;
import io.jmpi.coll.algorithm.AllgathervAlgorithm;
import io.jmpi.coll.algorithm.AllreduceAlgorithm;
import io.jmpi.coll.algorithm.AlltoallAlgorithm;
import io.jmpi.coll.algorithm.AlltoallvAlgorithm;
import io.jmpi.coll.algorithm.BarrierAlgorithm;
import io.jmpi.coll.algorithm.BcastAlgorithm;
import io.jmpi.coll.algorithm.BinomialBarrier;
import io.jmpi.coll.algorithm.BinomialBcast;
import io.jmpi.coll.algorithm.BinomialGather;
import io.jmpi.coll.algorithm.BinomialReduce;
import io.jmpi.coll.algorithm.BinomialScatter;
import io.jmpi.coll.algorithm.BruckAllgather;
import io.jmpi.coll.algorithm.BruckAlltoall;
import io.jmpi.coll.algorithm.DisseminationBarrier;
import io.jmpi.coll.algorithm.ExscanAlgorithm;
import io.jmpi.coll.algorithm.GatherAlgorithm;
import io.jmpi.coll.algorithm.GathervAlgorithm;
import io.jmpi.coll.algorithm.LinearExscan;
import io.jmpi.coll.algorithm.LinearGather;
import io.jmpi.coll.algorithm.LinearGatherv;
import io.jmpi.coll.algorithm.LinearReduce;
import io.jmpi.coll.algorithm.LinearScan;
import io.jmpi.coll.algorithm.LinearScatter;
import io.jmpi.coll.algorithm.LinearScatterv;
import io.jmpi.coll.algorithm.MulticastBcast;
import io.jmpi.coll.algorithm.PairwiseAlltoall;
import io.jmpi.coll.algorithm.PairwiseAlltoallv;
import io.jmpi.coll.algorithm.RecursiveDoublingAllreduce;
import io.jmpi.coll.algorithm.RecursiveDoublingExscan;
import io.jmpi.coll.algorithm.RecursiveDoublingScan;
import io.jmpi.coll.algorithm.ReduceAlgorithm;
import io.jmpi.coll.algorithm.ReduceBcastAllreduce;
import io.jmpi.coll.algorithm.ReduceScatterAlgorithm;
import io.jmpi.coll.algorithm.ReduceScattervReduceScatter;
import io.jmpi.coll.algorithm.RingAllgather;
import io.jmpi.coll.algorithm.RingAllgatherv;
import io.jmpi.coll.algorithm.RingAllreduce;
import io.jmpi.coll.algorithm.RingReduceScatter;
import io.jmpi.coll.algorithm.ScanAlgorithm;
import io.jmpi.coll.algorithm.ScatterAllgatherBcast;
import io.jmpi.coll.algorithm.ScatterAlgorithm;
import io.jmpi.coll.algorithm.ScattervAlgorithm;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;
import io.jmpi.coll.base.Scratch;
import io.jmpi.coll.hier.HierarchicalAlgorithms;
import io.jmpi.coll.shm.ShmAlgorithms;
import io.jmpi.coll.shm.ShmChannel;
import io.jmpi.spi.CollectiveContext;
import io.jmpi.spi.Collectives;
import io.jmpi.spi.Schedule;

import java.util.List;

/**
 * The collectives of one communicator: each call checks its arguments, picks an algorithm by the tuned rule or
 * the property that forces one (see {@link AlgorithmTable}), and runs it.
 * <p>
 * Where MPI leaves a choice, jmpi does what Open MPI and MPICH do: send and receive buffers must have the same
 * datatype and matching counts; reductions are computed in rank order, {@code x0 op x1 op ... op xn-1}, so that
 * non-commutative operations are served; allreduce gives every rank bit for bit the same result. A rank that finds
 * a message longer than the room its arguments give fills the room, finishes the collective and then throws
 * ERR_TRUNCATE, so that no other rank waits for it.
 * <p>
 * Reductions work on primitive arrays: a ByteBuffer or DirectBuffer argument is copied to or from a byte array
 * kept for the next call. Steady-state calls allocate nothing. The first broadcast on a communicator that has a
 * broadcast stream opens it, whatever algorithm serves the call.
 * <p>
 * The nonblocking collectives check their arguments as the blocking forms do, then build the libNBC schedules of
 * {@link Collectives}' defaults: they run on the runtime's progress engine, not on the algorithms here.
 */
final class TunedCollectives implements Collectives
{
    private final Exchange exchange;
    private final Scratch scratch = new Scratch();
    private final int rank;
    private final int size;
    private final MulticastBcast multicastBcast;
    private final ShmChannel shm;
    private final boolean onHost;
    private final HierarchicalAlgorithms hierarchical;
    private final AlgorithmTable<BarrierAlgorithm> barriers;
    private final AlgorithmTable<BcastAlgorithm> bcasts;
    private final AlgorithmTable<ReduceAlgorithm> reduces;
    private final AlgorithmTable<AllreduceAlgorithm> allreduces;
    private final AlgorithmTable<GatherAlgorithm> gathers;
    private final AlgorithmTable<GathervAlgorithm> gathervs;
    private final AlgorithmTable<ScatterAlgorithm> scatters;
    private final AlgorithmTable<ScattervAlgorithm> scattervs;
    private final AlgorithmTable<AllgatherAlgorithm> allgathers;
    private final AlgorithmTable<AllgathervAlgorithm> allgathervs;
    private final AlgorithmTable<AlltoallAlgorithm> alltoalls;
    private final AlgorithmTable<AlltoallvAlgorithm> alltoallvs;
    private final AlgorithmTable<ReduceScatterAlgorithm> reduceScatters;
    private final AlgorithmTable<ScanAlgorithm> scans;
    private final AlgorithmTable<ExscanAlgorithm> exscans;

    TunedCollectives(final CollectiveContext context)
    {
        exchange = new Exchange(context.channel());
        rank = exchange.rank();
        size = exchange.size();
        shm = ShmChannel.open(context, exchange);
        onHost = null != shm;
        final ShmAlgorithms shmAlgorithms = new ShmAlgorithms(shm, rank, size, scratch);
        hierarchical = new HierarchicalAlgorithms(context, exchange, scratch);
        final BinomialBcast binomialBcast = new BinomialBcast(exchange);
        final RingAllgather ringAllgather = new RingAllgather(exchange);
        multicastBcast = new MulticastBcast(exchange, context, ringAllgather, binomialBcast);
        final BinomialReduce binomialReduce = new BinomialReduce(exchange, scratch);
        final LinearScatterv linearScatterv = new LinearScatterv(exchange);
        final BcastAlgorithm resultBcast = multicastBcast.isAvailable() ? multicastBcast : binomialBcast;

        barriers = new AlgorithmTable<>("barrier", List.of(
            shmAlgorithms,
            hierarchical,
            new DisseminationBarrier(exchange),
            new BinomialBarrier(exchange)));
        bcasts = new AlgorithmTable<>("bcast", List.of(
            shmAlgorithms,
            hierarchical,
            multicastBcast,
            binomialBcast,
            new ScatterAllgatherBcast(exchange)));
        reduces = new AlgorithmTable<>("reduce", List.of(
            shmAlgorithms,
            binomialReduce,
            new LinearReduce(exchange, scratch)));
        allreduces = new AlgorithmTable<>("allreduce", List.of(
            shmAlgorithms,
            hierarchical,
            new RecursiveDoublingAllreduce(exchange, scratch),
            new RingAllreduce(exchange, scratch),
            new ReduceBcastAllreduce(binomialReduce, resultBcast)));
        gathers = new AlgorithmTable<>("gather", List.of(
            shmAlgorithms,
            new LinearGather(exchange),
            new BinomialGather(exchange, scratch)));
        gathervs = new AlgorithmTable<>("gatherv", List.of(
            shmAlgorithms,
            new LinearGatherv(exchange)));
        scatters = new AlgorithmTable<>("scatter", List.of(
            shmAlgorithms,
            new LinearScatter(exchange),
            new BinomialScatter(exchange, scratch)));
        scattervs = new AlgorithmTable<>("scatterv", List.of(
            shmAlgorithms,
            linearScatterv));
        allgathers = new AlgorithmTable<>("allgather", List.of(
            shmAlgorithms,
            ringAllgather,
            new BruckAllgather(exchange, scratch)));
        allgathervs = new AlgorithmTable<>("allgatherv", List.of(
            shmAlgorithms,
            new RingAllgatherv(exchange)));
        alltoalls = new AlgorithmTable<>("alltoall", List.of(
            shmAlgorithms,
            new PairwiseAlltoall(exchange),
            new BruckAlltoall(exchange, scratch)));
        alltoallvs = new AlgorithmTable<>("alltoallv", List.of(
            shmAlgorithms,
            new PairwiseAlltoallv(exchange)));
        reduceScatters = new AlgorithmTable<>("reduce_scatter", List.of(
            shmAlgorithms,
            new RingReduceScatter(exchange, scratch),
            new ReduceScattervReduceScatter(binomialReduce, linearScatterv, exchange, scratch)));
        scans = new AlgorithmTable<>("scan", List.of(
            shmAlgorithms,
            new RecursiveDoublingScan(exchange, scratch),
            new LinearScan(exchange, scratch)));
        exscans = new AlgorithmTable<>("exscan", List.of(
            shmAlgorithms,
            new RecursiveDoublingExscan(exchange, scratch),
            new LinearExscan(exchange, scratch)));
    }

    /**
     * {@inheritDoc}
     */
    public void barrier()
    {
        begin();
        try
        {
            barriers.select(TunedRules.barrier(size, onHost, hierarchical.isAvailable())).barrier();
            exchange.end();
        }
        finally
        {
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void bcast(final Object buffer, final int offset, final int count, final int root)
    {
        begin();
        try
        {
            if (multicastBcast.isAvailable())
            {
                multicastBcast.open();
            }
            final Datatype type = checkBcast(buffer, offset, count, root);
            bcasts.select(TunedRules.bcast(
                size, (long)count * type.size(), multicastBcast.isAvailable(), onHost, hierarchical.isAvailable()))
                .bcast(buffer, offset, count, type, root);
            exchange.end();
        }
        finally
        {
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void reduce(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Op op, final int root)
    {
        begin();
        try
        {
            final Datatype type = checkReduce(sendBuffer, sendOffset, recvBuffer, recvOffset, count, op, root);
            final ReduceAlgorithm algorithm =
                reduces.select(TunedRules.reduce(size, (long)count * type.size(), op.isCommutative(), onHost));
            final Object send = stageSend(sendBuffer, sendOffset, count, type);
            final Object recv = rank == root ? stageRecv(recvBuffer, count, type) : null;
            algorithm.reduce(send, stagedOffset(sendBuffer, sendOffset), recv, stagedOffset(recvBuffer, recvOffset),
                count, type, op, root);
            if (rank == root)
            {
                unstageRecv(recv, recvBuffer, recvOffset, count, type);
            }
            exchange.end();
        }
        finally
        {
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void allreduce(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Op op)
    {
        begin();
        try
        {
            final Datatype type = checkReduction(sendBuffer, sendOffset, recvBuffer, recvOffset, count, op);
            final String rule = TunedRules.allreduce(
                size, (long)count * type.size(), op.isCommutative(), onHost, hierarchical.isAvailable());
            AllreduceAlgorithm algorithm = allreduces.select(rule);
            if (!algorithm.supports(op))
            {
                algorithm = allreduces.named(rule);
            }
            final Object send = stageSend(sendBuffer, sendOffset, count, type);
            final Object recv = stageRecv(recvBuffer, count, type);
            algorithm.allreduce(send, stagedOffset(sendBuffer, sendOffset), recv, stagedOffset(recvBuffer, recvOffset),
                count, type, op);
            unstageRecv(recv, recvBuffer, recvOffset, count, type);
            exchange.end();
        }
        finally
        {
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void gather(
        final Object sendBuffer, final int sendOffset, final int sendCount, final Object recvBuffer,
        final int recvOffset, final int recvCount, final int root)
    {
        begin();
        try
        {
            final Datatype type = checkGather(sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount, root);
            gathers.select(TunedRules.gather(size, (long)sendCount * type.size(), onHost))
                .gather(sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, type, root);
            exchange.end();
        }
        finally
        {
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void gatherv(
        final Object sendBuffer, final int sendOffset, final int sendCount, final Object recvBuffer,
        final int recvOffset, final int[] recvCounts, final int[] displacements, final int root)
    {
        begin();
        try
        {
            final Datatype type =
                checkGatherv(sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCounts, displacements, root);
            gathervs.select(TunedRules.gatherv(onHost)).gatherv(
                sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCounts, displacements, type, root);
            exchange.end();
        }
        finally
        {
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void scatter(
        final Object sendBuffer, final int sendOffset, final int sendCount, final Object recvBuffer,
        final int recvOffset, final int recvCount, final int root)
    {
        begin();
        try
        {
            final Datatype type =
                checkScatter(sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount, root);
            scatters.select(TunedRules.scatter(size, (long)recvCount * type.size(), onHost))
                .scatter(sendBuffer, sendOffset, recvCount, recvBuffer, recvOffset, type, root);
            exchange.end();
        }
        finally
        {
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void scatterv(
        final Object sendBuffer, final int sendOffset, final int[] sendCounts, final int[] displacements,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int root)
    {
        begin();
        try
        {
            final Datatype type = checkScatterv(
                sendBuffer, sendOffset, sendCounts, displacements, recvBuffer, recvOffset, recvCount, root);
            scattervs.select(TunedRules.scatterv(onHost)).scatterv(
                sendBuffer, sendOffset, sendCounts, displacements, recvBuffer, recvOffset, recvCount, type, root);
            exchange.end();
        }
        finally
        {
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void allgather(
        final Object sendBuffer, final int sendOffset, final int sendCount, final Object recvBuffer,
        final int recvOffset, final int recvCount)
    {
        begin();
        try
        {
            final Datatype type = checkAllgather(sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount);
            allgathers.select(TunedRules.allgather(size, (long)recvCount * type.size(), onHost))
                .allgather(sendBuffer, sendOffset, recvCount, recvBuffer, recvOffset, type);
            exchange.end();
        }
        finally
        {
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void allgatherv(
        final Object sendBuffer, final int sendOffset, final int sendCount, final Object recvBuffer,
        final int recvOffset, final int[] recvCounts, final int[] displacements)
    {
        begin();
        try
        {
            final Datatype type =
                checkAllgatherv(sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCounts, displacements);
            allgathervs.select(TunedRules.allgatherv(onHost)).allgatherv(
                sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCounts, displacements, type);
            exchange.end();
        }
        finally
        {
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void alltoall(
        final Object sendBuffer, final int sendOffset, final int sendCount, final Object recvBuffer,
        final int recvOffset, final int recvCount)
    {
        begin();
        try
        {
            final Datatype type = checkAlltoall(sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount);
            alltoalls.select(TunedRules.alltoall(size, (long)recvCount * type.size(), onHost))
                .alltoall(sendBuffer, sendOffset, recvCount, recvBuffer, recvOffset, type);
            exchange.end();
        }
        finally
        {
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void alltoallv(
        final Object sendBuffer, final int sendOffset, final int[] sendCounts, final int[] sendDisplacements,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] recvDisplacements)
    {
        begin();
        try
        {
            final Datatype type = checkAlltoallv(sendBuffer, sendOffset, sendCounts, sendDisplacements,
                recvBuffer, recvOffset, recvCounts, recvDisplacements);
            alltoallvs.select(TunedRules.alltoallv(onHost)).alltoallv(
                sendBuffer, sendOffset, sendCounts, sendDisplacements,
                recvBuffer, recvOffset, recvCounts, recvDisplacements, type);
            exchange.end();
        }
        finally
        {
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void reduceScatter(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int[] recvCounts, final Op op)
    {
        begin();
        try
        {
            final Datatype type = checkReduceScatter(sendBuffer, sendOffset, recvBuffer, recvOffset, recvCounts, op);
            final int total = (int)Arguments.counts(recvCounts, size, "recvCounts");
            final int count = recvCounts[rank];
            final String rule = TunedRules.reduceScatter(size, (long)total * type.size(), op.isCommutative(), onHost);
            ReduceScatterAlgorithm algorithm = reduceScatters.select(rule);
            if (!algorithm.supports(op))
            {
                algorithm = reduceScatters.named(rule);
            }
            final Object send = stageSend(sendBuffer, sendOffset, total, type);
            final Object recv = stageRecv(recvBuffer, count, type);
            algorithm.reduceScatter(send, stagedOffset(sendBuffer, sendOffset), recv, stagedOffset(recvBuffer, recvOffset),
                recvCounts, type, op);
            unstageRecv(recv, recvBuffer, recvOffset, count, type);
            exchange.end();
        }
        finally
        {
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void scan(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Op op)
    {
        begin();
        try
        {
            final Datatype type = checkReduction(sendBuffer, sendOffset, recvBuffer, recvOffset, count, op);
            final ScanAlgorithm algorithm = scans.select(TunedRules.scan(size, (long)count * type.size(), onHost));
            final Object send = stageSend(sendBuffer, sendOffset, count, type);
            final Object recv = stageRecv(recvBuffer, count, type);
            algorithm.scan(send, stagedOffset(sendBuffer, sendOffset), recv, stagedOffset(recvBuffer, recvOffset),
                count, type, op);
            unstageRecv(recv, recvBuffer, recvOffset, count, type);
            exchange.end();
        }
        finally
        {
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void exscan(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Op op)
    {
        begin();
        try
        {
            final Datatype type = checkReduction(sendBuffer, sendOffset, recvBuffer, recvOffset, count, op);
            final ExscanAlgorithm algorithm = exscans.select(TunedRules.exscan(size, (long)count * type.size(), onHost));
            final Object send = stageSend(sendBuffer, sendOffset, count, type);
            final Object recv = stageRecv(recvBuffer, count, type);
            if (recv != recvBuffer)
            {
                // rank 0's result is left unchanged, so the staged copy starts as the buffer
                Memory.copy(recvBuffer, recvOffset, recv, 0, count, type);
            }
            algorithm.exscan(send, stagedOffset(sendBuffer, sendOffset), recv, stagedOffset(recvBuffer, recvOffset),
                count, type, op);
            unstageRecv(recv, recvBuffer, recvOffset, count, type);
            exchange.end();
        }
        finally
        {
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void ibcast(final Schedule schedule, final Object buffer, final int offset, final int count, final int root)
    {
        checkBcast(buffer, offset, count, root);
        Collectives.super.ibcast(schedule, buffer, offset, count, root);
    }

    /**
     * {@inheritDoc}
     */
    public void ireduce(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final Object recvBuffer,
        final int recvOffset, final int count, final Op op, final int root)
    {
        checkReduce(sendBuffer, sendOffset, recvBuffer, recvOffset, count, op, root);
        Collectives.super.ireduce(schedule, sendBuffer, sendOffset, recvBuffer, recvOffset, count, op, root);
    }

    /**
     * {@inheritDoc}
     */
    public void iallreduce(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final Object recvBuffer,
        final int recvOffset, final int count, final Op op)
    {
        checkReduction(sendBuffer, sendOffset, recvBuffer, recvOffset, count, op);
        Collectives.super.iallreduce(schedule, sendBuffer, sendOffset, recvBuffer, recvOffset, count, op);
    }

    /**
     * {@inheritDoc}
     */
    public void igather(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int root)
    {
        checkGather(sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount, root);
        Collectives.super.igather(schedule, sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount, root);
    }

    /**
     * {@inheritDoc}
     */
    public void igatherv(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] displacements,
        final int root)
    {
        checkGatherv(sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCounts, displacements, root);
        Collectives.super.igatherv(
            schedule, sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCounts, displacements, root);
    }

    /**
     * {@inheritDoc}
     */
    public void iscatter(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int root)
    {
        checkScatter(sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount, root);
        Collectives.super.iscatter(
            schedule, sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount, root);
    }

    /**
     * {@inheritDoc}
     */
    public void iscatterv(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int[] sendCounts,
        final int[] displacements, final Object recvBuffer, final int recvOffset, final int recvCount,
        final int root)
    {
        checkScatterv(sendBuffer, sendOffset, sendCounts, displacements, recvBuffer, recvOffset, recvCount, root);
        Collectives.super.iscatterv(
            schedule, sendBuffer, sendOffset, sendCounts, displacements, recvBuffer, recvOffset, recvCount, root);
    }

    /**
     * {@inheritDoc}
     */
    public void iallgather(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount)
    {
        checkAllgather(sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount);
        Collectives.super.iallgather(schedule, sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount);
    }

    /**
     * {@inheritDoc}
     */
    public void iallgatherv(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] displacements)
    {
        checkAllgatherv(sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCounts, displacements);
        Collectives.super.iallgatherv(
            schedule, sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCounts, displacements);
    }

    /**
     * {@inheritDoc}
     */
    public void ialltoall(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount)
    {
        checkAlltoall(sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount);
        Collectives.super.ialltoall(schedule, sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount);
    }

    /**
     * {@inheritDoc}
     */
    public void ialltoallv(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int[] sendCounts,
        final int[] sendDisplacements, final Object recvBuffer, final int recvOffset, final int[] recvCounts,
        final int[] recvDisplacements)
    {
        checkAlltoallv(sendBuffer, sendOffset, sendCounts, sendDisplacements,
            recvBuffer, recvOffset, recvCounts, recvDisplacements);
        Collectives.super.ialltoallv(schedule, sendBuffer, sendOffset, sendCounts, sendDisplacements,
            recvBuffer, recvOffset, recvCounts, recvDisplacements);
    }

    /**
     * {@inheritDoc}
     */
    public void ireduceScatter(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final Object recvBuffer,
        final int recvOffset, final int[] recvCounts, final Op op)
    {
        checkReduceScatter(sendBuffer, sendOffset, recvBuffer, recvOffset, recvCounts, op);
        Collectives.super.ireduceScatter(schedule, sendBuffer, sendOffset, recvBuffer, recvOffset, recvCounts, op);
    }

    /**
     * {@inheritDoc}
     */
    public void iscan(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final Object recvBuffer,
        final int recvOffset, final int count, final Op op)
    {
        checkReduction(sendBuffer, sendOffset, recvBuffer, recvOffset, count, op);
        Collectives.super.iscan(schedule, sendBuffer, sendOffset, recvBuffer, recvOffset, count, op);
    }

    /**
     * {@inheritDoc}
     */
    public void iexscan(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final Object recvBuffer,
        final int recvOffset, final int count, final Op op)
    {
        checkReduction(sendBuffer, sendOffset, recvBuffer, recvOffset, count, op);
        Collectives.super.iexscan(schedule, sendBuffer, sendOffset, recvBuffer, recvOffset, count, op);
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
        multicastBcast.close();
        hierarchical.close();
        if (null != shm)
        {
            shm.close();
        }
    }

    private void begin()
    {
        exchange.begin();
        if (null != shm)
        {
            shm.begin();
        }
    }

    private void end()
    {
        if (null != shm)
        {
            shm.end();
        }
    }

    private Datatype checkBcast(final Object buffer, final int offset, final int count, final int root)
    {
        return Arguments.buffer(buffer, offset, count, rank != root, "buffer");
    }

    private Datatype checkReduce(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Op op, final int root)
    {
        final Datatype type = Arguments.buffer(sendBuffer, sendOffset, count, false, "sendBuffer");
        Arguments.op(op, type, count);
        if (rank == root)
        {
            Arguments.sameType(type, Arguments.buffer(recvBuffer, recvOffset, count, true, "recvBuffer"));
        }
        return type;
    }

    private Datatype checkGather(
        final Object sendBuffer, final int sendOffset, final int sendCount, final Object recvBuffer,
        final int recvOffset, final int recvCount, final int root)
    {
        final Datatype type = Arguments.buffer(sendBuffer, sendOffset, sendCount, false, "sendBuffer");
        Arguments.total(size, sendCount, "sendCount");
        if (rank == root)
        {
            Arguments.sameType(type, Arguments.perRank(recvBuffer, recvOffset, size, recvCount, true, "recvBuffer"));
            Arguments.sameCount(sendCount, recvCount, "gather at the root");
        }
        return type;
    }

    private Datatype checkGatherv(
        final Object sendBuffer, final int sendOffset, final int sendCount, final Object recvBuffer,
        final int recvOffset, final int[] recvCounts, final int[] displacements, final int root)
    {
        final Datatype type = Arguments.buffer(sendBuffer, sendOffset, sendCount, false, "sendBuffer");
        if (rank == root)
        {
            Arguments.sameType(type, Arguments.blocks(
                recvBuffer, recvOffset, recvCounts, displacements, size, true, Arguments.GATHERV));
            Arguments.sameCount(sendCount, recvCounts[root], "gatherv at the root");
        }
        return type;
    }

    private Datatype checkScatter(
        final Object sendBuffer, final int sendOffset, final int sendCount, final Object recvBuffer,
        final int recvOffset, final int recvCount, final int root)
    {
        final Datatype type = Arguments.buffer(recvBuffer, recvOffset, recvCount, true, "recvBuffer");
        Arguments.total(size, recvCount, "recvCount");
        if (rank == root)
        {
            Arguments.sameType(Arguments.perRank(sendBuffer, sendOffset, size, sendCount, false, "sendBuffer"), type);
            Arguments.sameCount(sendCount, recvCount, "scatter at the root");
        }
        return type;
    }

    private Datatype checkScatterv(
        final Object sendBuffer, final int sendOffset, final int[] sendCounts, final int[] displacements,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int root)
    {
        final Datatype type = Arguments.buffer(recvBuffer, recvOffset, recvCount, true, "recvBuffer");
        if (rank == root)
        {
            Arguments.sameType(Arguments.blocks(
                sendBuffer, sendOffset, sendCounts, displacements, size, false, Arguments.SCATTERV), type);
            Arguments.sameCount(sendCounts[root], recvCount, "scatterv at the root");
        }
        return type;
    }

    private Datatype checkAllgather(
        final Object sendBuffer, final int sendOffset, final int sendCount, final Object recvBuffer,
        final int recvOffset, final int recvCount)
    {
        final Datatype type = Arguments.buffer(sendBuffer, sendOffset, sendCount, false, "sendBuffer");
        Arguments.sameType(type, Arguments.perRank(recvBuffer, recvOffset, size, recvCount, true, "recvBuffer"));
        Arguments.sameCount(sendCount, recvCount, "allgather");
        return type;
    }

    private Datatype checkAllgatherv(
        final Object sendBuffer, final int sendOffset, final int sendCount, final Object recvBuffer,
        final int recvOffset, final int[] recvCounts, final int[] displacements)
    {
        final Datatype type = Arguments.buffer(sendBuffer, sendOffset, sendCount, false, "sendBuffer");
        Arguments.sameType(type, Arguments.blocks(
            recvBuffer, recvOffset, recvCounts, displacements, size, true, Arguments.GATHERV));
        Arguments.sameCount(sendCount, recvCounts[rank], "allgatherv");
        return type;
    }

    private Datatype checkAlltoall(
        final Object sendBuffer, final int sendOffset, final int sendCount, final Object recvBuffer,
        final int recvOffset, final int recvCount)
    {
        final Datatype type = Arguments.perRank(sendBuffer, sendOffset, size, sendCount, false, "sendBuffer");
        Arguments.sameType(type, Arguments.perRank(recvBuffer, recvOffset, size, recvCount, true, "recvBuffer"));
        Arguments.sameCount(sendCount, recvCount, "alltoall");
        return type;
    }

    private Datatype checkAlltoallv(
        final Object sendBuffer, final int sendOffset, final int[] sendCounts, final int[] sendDisplacements,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] recvDisplacements)
    {
        final Datatype type = Arguments.blocks(
            sendBuffer, sendOffset, sendCounts, sendDisplacements, size, false, Arguments.ALLTOALLV_SEND);
        Arguments.sameType(type, Arguments.blocks(
            recvBuffer, recvOffset, recvCounts, recvDisplacements, size, true, Arguments.ALLTOALLV_RECV));
        Arguments.sameCount(sendCounts[rank], recvCounts[rank], "alltoallv to this rank itself");
        return type;
    }

    private Datatype checkReduceScatter(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int[] recvCounts, final Op op)
    {
        final int total = (int)Arguments.counts(recvCounts, size, "recvCounts");
        final Datatype type = Arguments.buffer(sendBuffer, sendOffset, total, false, "sendBuffer");
        Arguments.sameType(type, Arguments.buffer(recvBuffer, recvOffset, recvCounts[rank], true, "recvBuffer"));
        for (final int blockCount : recvCounts)
        {
            Arguments.op(op, type, blockCount);
        }
        return type;
    }

    private Datatype checkReduction(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Op op)
    {
        final Datatype type = Arguments.buffer(sendBuffer, sendOffset, count, false, "sendBuffer");
        Arguments.sameType(type, Arguments.buffer(recvBuffer, recvOffset, count, true, "recvBuffer"));
        Arguments.op(op, type, count);
        return type;
    }

    private Object stageSend(final Object buffer, final int offset, final int count, final Datatype type)
    {
        if (null != Datatype.ofArray(buffer))
        {
            return buffer;
        }
        final Object staged = scratch.array(Scratch.STAGED_SEND, type, count);
        Memory.copy(buffer, offset, staged, 0, count, type);
        return staged;
    }

    private Object stageRecv(final Object buffer, final int count, final Datatype type)
    {
        return null != Datatype.ofArray(buffer) ? buffer : scratch.array(Scratch.STAGED_RECV, type, count);
    }

    private static int stagedOffset(final Object buffer, final int offset)
    {
        return null != buffer && null != Datatype.ofArray(buffer) ? offset : 0;
    }

    private static void unstageRecv(
        final Object staged, final Object buffer, final int offset, final int count, final Datatype type)
    {
        if (staged != buffer)
        {
            Memory.copy(staged, 0, buffer, offset, count, type);
        }
    }
}
