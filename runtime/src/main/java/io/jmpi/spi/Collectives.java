package io.jmpi.spi;

import io.jmpi.Op;

/**
 * The collective operations of one communicator, as implemented by a {@link CollectiveProvider}. The runtime
 * has checked that the communicator is open and that roots are in range; the provider checks the rest.
 * Buffers follow the conventions of {@link io.jmpi.Comm}: primitive arrays, ByteBuffer or DirectBuffer, with
 * offsets and counts in elements. Every member calls the same collectives in the same order, as MPI requires.
 * <p>
 * The nonblocking collectives (MPI-3.1 section 5.12) fill the {@link Schedule} the runtime passes and return; the
 * runtime starts it and hands the user a request. Their default implementations check nothing and build the
 * algorithms of libNBC with {@link Schedules}; a provider overrides them to check the arguments as for the
 * blocking form (the runtime has checked roots only), or to build other schedules. In-place arguments never
 * reach the provider: the runtime turns them into ordinary buffers.
 */
public interface Collectives extends AutoCloseable
{
    /**
     * MPI_Barrier.
     */
    void barrier();

    /**
     * MPI_Bcast: the root's {@code count} elements reach every rank's buffer.
     *
     * @param buffer data at the root, destination elsewhere.
     * @param offset first element.
     * @param count  number of elements.
     * @param root   rank of the root.
     */
    void bcast(Object buffer, int offset, int count, int root);

    /**
     * MPI_Reduce: the root receives {@code op} applied element-wise across every rank's send buffer.
     *
     * @param sendBuffer   this rank's contribution.
     * @param sendOffset   first element of the contribution.
     * @param recvBuffer   result at the root; ignored elsewhere.
     * @param recvOffset   first element of the result.
     * @param count        number of elements.
     * @param op           reduction operation.
     * @param root         rank of the root.
     */
    void reduce(Object sendBuffer, int sendOffset, Object recvBuffer, int recvOffset, int count, Op op, int root);

    /**
     * MPI_Allreduce: every rank receives the reduction.
     *
     * @param sendBuffer this rank's contribution.
     * @param sendOffset first element of the contribution.
     * @param recvBuffer result.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     */
    void allreduce(Object sendBuffer, int sendOffset, Object recvBuffer, int recvOffset, int count, Op op);

    /**
     * MPI_Gather.
     *
     * @param sendBuffer this rank's block.
     * @param sendOffset first element of the block.
     * @param sendCount  elements in each block.
     * @param recvBuffer at the root, the blocks in rank order.
     * @param recvOffset first element of the result.
     * @param recvCount  elements received from each rank.
     * @param root       rank of the root.
     */
    void gather(
        Object sendBuffer, int sendOffset, int sendCount,
        Object recvBuffer, int recvOffset, int recvCount, int root);

    /**
     * MPI_Gatherv.
     *
     * @param sendBuffer    this rank's block.
     * @param sendOffset    first element of the block.
     * @param sendCount     elements in this rank's block.
     * @param recvBuffer    at the root, the blocks.
     * @param recvOffset    element that displacements count from.
     * @param recvCounts    elements received from each rank.
     * @param displacements where each rank's block goes, relative to recvOffset.
     * @param root          rank of the root.
     */
    void gatherv(
        Object sendBuffer, int sendOffset, int sendCount,
        Object recvBuffer, int recvOffset, int[] recvCounts, int[] displacements, int root);

    /**
     * MPI_Scatter.
     *
     * @param sendBuffer at the root, one block per rank in rank order.
     * @param sendOffset first element.
     * @param sendCount  elements sent to each rank.
     * @param recvBuffer this rank's block.
     * @param recvOffset first element of the block.
     * @param recvCount  elements received.
     * @param root       rank of the root.
     */
    void scatter(
        Object sendBuffer, int sendOffset, int sendCount,
        Object recvBuffer, int recvOffset, int recvCount, int root);

    /**
     * MPI_Scatterv.
     *
     * @param sendBuffer    at the root, the blocks.
     * @param sendOffset    element that displacements count from.
     * @param sendCounts    elements sent to each rank.
     * @param displacements where each rank's block starts, relative to sendOffset.
     * @param recvBuffer    this rank's block.
     * @param recvOffset    first element of the block.
     * @param recvCount     elements received.
     * @param root          rank of the root.
     */
    void scatterv(
        Object sendBuffer, int sendOffset, int[] sendCounts, int[] displacements,
        Object recvBuffer, int recvOffset, int recvCount, int root);

    /**
     * MPI_Allgather.
     *
     * @param sendBuffer this rank's block.
     * @param sendOffset first element of the block.
     * @param sendCount  elements in each block.
     * @param recvBuffer the blocks of every rank in rank order.
     * @param recvOffset first element of the result.
     * @param recvCount  elements received from each rank.
     */
    void allgather(
        Object sendBuffer, int sendOffset, int sendCount, Object recvBuffer, int recvOffset, int recvCount);

    /**
     * MPI_Allgatherv.
     *
     * @param sendBuffer    this rank's block.
     * @param sendOffset    first element of the block.
     * @param sendCount     elements in this rank's block.
     * @param recvBuffer    the blocks.
     * @param recvOffset    element that displacements count from.
     * @param recvCounts    elements received from each rank.
     * @param displacements where each rank's block goes, relative to recvOffset.
     */
    void allgatherv(
        Object sendBuffer, int sendOffset, int sendCount,
        Object recvBuffer, int recvOffset, int[] recvCounts, int[] displacements);

    /**
     * MPI_Alltoall.
     *
     * @param sendBuffer one block per destination rank, in rank order.
     * @param sendOffset first element.
     * @param sendCount  elements sent to each rank.
     * @param recvBuffer one block per source rank, in rank order.
     * @param recvOffset first element.
     * @param recvCount  elements received from each rank.
     */
    void alltoall(
        Object sendBuffer, int sendOffset, int sendCount, Object recvBuffer, int recvOffset, int recvCount);

    /**
     * MPI_Alltoallv.
     *
     * @param sendBuffer        the blocks to send.
     * @param sendOffset        element that send displacements count from.
     * @param sendCounts        elements sent to each rank.
     * @param sendDisplacements where each destination's block starts.
     * @param recvBuffer        the blocks received.
     * @param recvOffset        element that receive displacements count from.
     * @param recvCounts        elements received from each rank.
     * @param recvDisplacements where each source's block goes.
     */
    void alltoallv(
        Object sendBuffer, int sendOffset, int[] sendCounts, int[] sendDisplacements,
        Object recvBuffer, int recvOffset, int[] recvCounts, int[] recvDisplacements);

    /**
     * MPI_Reduce_scatter: the reduction of every rank's send buffer, scattered in blocks of recvCounts.
     *
     * @param sendBuffer this rank's contribution, sum(recvCounts) elements.
     * @param sendOffset first element.
     * @param recvBuffer this rank's block of the result.
     * @param recvOffset first element of the block.
     * @param recvCounts elements of the result that each rank receives.
     * @param op         reduction operation.
     */
    void reduceScatter(
        Object sendBuffer, int sendOffset, Object recvBuffer, int recvOffset, int[] recvCounts, Op op);

    /**
     * MPI_Scan: rank i receives the reduction of ranks 0..i.
     *
     * @param sendBuffer this rank's contribution.
     * @param sendOffset first element.
     * @param recvBuffer the prefix reduction.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     */
    void scan(Object sendBuffer, int sendOffset, Object recvBuffer, int recvOffset, int count, Op op);

    /**
     * MPI_Exscan: rank i receives the reduction of ranks 0..i-1; rank 0's result buffer is left unchanged.
     *
     * @param sendBuffer this rank's contribution.
     * @param sendOffset first element.
     * @param recvBuffer the exclusive prefix reduction.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     */
    void exscan(Object sendBuffer, int sendOffset, Object recvBuffer, int recvOffset, int count, Op op);

    /**
     * MPI_Ibarrier: fill the schedule of a barrier. Default: {@link Schedules#barrier}.
     *
     * @param schedule the empty schedule.
     */
    default void ibarrier(final Schedule schedule)
    {
        Schedules.barrier(schedule);
    }

    /**
     * MPI_Ibcast: fill the schedule of a broadcast. Default: {@link Schedules#bcast}.
     *
     * @param schedule the empty schedule.
     * @param buffer   data at the root, destination elsewhere.
     * @param offset   first element.
     * @param count    number of elements.
     * @param root     rank of the root.
     */
    default void ibcast(final Schedule schedule, final Object buffer, final int offset, final int count, final int root)
    {
        Schedules.bcast(schedule, buffer, offset, count, root);
    }

    /**
     * MPI_Ireduce. Default: {@link Schedules#reduce}.
     *
     * @param schedule   the empty schedule.
     * @param sendBuffer this rank's contribution.
     * @param sendOffset first element of the contribution.
     * @param recvBuffer result at the root; ignored elsewhere.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     * @param root       rank of the root.
     */
    default void ireduce(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final Object recvBuffer,
        final int recvOffset, final int count, final Op op, final int root)
    {
        Schedules.reduce(schedule, sendBuffer, sendOffset, recvBuffer, recvOffset, count, op, root);
    }

    /**
     * MPI_Iallreduce. Default: {@link Schedules#allreduce}.
     *
     * @param schedule   the empty schedule.
     * @param sendBuffer this rank's contribution.
     * @param sendOffset first element of the contribution.
     * @param recvBuffer result.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     */
    default void iallreduce(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final Object recvBuffer,
        final int recvOffset, final int count, final Op op)
    {
        Schedules.allreduce(schedule, sendBuffer, sendOffset, recvBuffer, recvOffset, count, op);
    }

    /**
     * MPI_Igather. Default: {@link Schedules#gather}.
     *
     * @param schedule   the empty schedule.
     * @param sendBuffer this rank's block.
     * @param sendOffset first element of the block.
     * @param sendCount  elements in each block.
     * @param recvBuffer at the root, the blocks in rank order.
     * @param recvOffset first element of the result.
     * @param recvCount  elements received from each rank.
     * @param root       rank of the root.
     */
    default void igather(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int root)
    {
        Schedules.gather(schedule, sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount, root);
    }

    /**
     * MPI_Igatherv. Default: {@link Schedules#gatherv}.
     *
     * @param schedule      the empty schedule.
     * @param sendBuffer    this rank's block.
     * @param sendOffset    first element of the block.
     * @param sendCount     elements in this rank's block.
     * @param recvBuffer    at the root, the blocks.
     * @param recvOffset    element that displacements count from.
     * @param recvCounts    elements received from each rank.
     * @param displacements where each rank's block goes, relative to recvOffset.
     * @param root          rank of the root.
     */
    default void igatherv(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] displacements,
        final int root)
    {
        Schedules.gatherv(
            schedule, sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCounts, displacements, root);
    }

    /**
     * MPI_Iscatter. Default: {@link Schedules#scatter}.
     *
     * @param schedule   the empty schedule.
     * @param sendBuffer at the root, one block per rank in rank order.
     * @param sendOffset first element.
     * @param sendCount  elements sent to each rank.
     * @param recvBuffer this rank's block.
     * @param recvOffset first element of the block.
     * @param recvCount  elements received.
     * @param root       rank of the root.
     */
    default void iscatter(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int root)
    {
        Schedules.scatter(schedule, sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount, root);
    }

    /**
     * MPI_Iscatterv. Default: {@link Schedules#scatterv}.
     *
     * @param schedule      the empty schedule.
     * @param sendBuffer    at the root, the blocks.
     * @param sendOffset    element that displacements count from.
     * @param sendCounts    elements sent to each rank.
     * @param displacements where each rank's block starts, relative to sendOffset.
     * @param recvBuffer    this rank's block.
     * @param recvOffset    first element of the block.
     * @param recvCount     elements received.
     * @param root          rank of the root.
     */
    default void iscatterv(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int[] sendCounts,
        final int[] displacements, final Object recvBuffer, final int recvOffset, final int recvCount,
        final int root)
    {
        Schedules.scatterv(
            schedule, sendBuffer, sendOffset, sendCounts, displacements, recvBuffer, recvOffset, recvCount, root);
    }

    /**
     * MPI_Iallgather. Default: {@link Schedules#allgather}.
     *
     * @param schedule   the empty schedule.
     * @param sendBuffer this rank's block.
     * @param sendOffset first element of the block.
     * @param sendCount  elements in each block.
     * @param recvBuffer the blocks of every rank in rank order.
     * @param recvOffset first element of the result.
     * @param recvCount  elements received from each rank.
     */
    default void iallgather(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount)
    {
        Schedules.allgather(schedule, sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount);
    }

    /**
     * MPI_Iallgatherv. Default: {@link Schedules#allgatherv}.
     *
     * @param schedule      the empty schedule.
     * @param sendBuffer    this rank's block.
     * @param sendOffset    first element of the block.
     * @param sendCount     elements in this rank's block.
     * @param recvBuffer    the blocks.
     * @param recvOffset    element that displacements count from.
     * @param recvCounts    elements received from each rank.
     * @param displacements where each rank's block goes, relative to recvOffset.
     */
    default void iallgatherv(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] displacements)
    {
        Schedules.allgatherv(
            schedule, sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCounts, displacements);
    }

    /**
     * MPI_Ialltoall. Default: {@link Schedules#alltoall}.
     *
     * @param schedule   the empty schedule.
     * @param sendBuffer one block per destination rank, in rank order.
     * @param sendOffset first element.
     * @param sendCount  elements sent to each rank.
     * @param recvBuffer one block per source rank, in rank order.
     * @param recvOffset first element.
     * @param recvCount  elements received from each rank.
     */
    default void ialltoall(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount)
    {
        Schedules.alltoall(schedule, sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount);
    }

    /**
     * MPI_Ialltoallv. Default: {@link Schedules#alltoallv}.
     *
     * @param schedule          the empty schedule.
     * @param sendBuffer        the blocks to send.
     * @param sendOffset        element that send displacements count from.
     * @param sendCounts        elements sent to each rank.
     * @param sendDisplacements where each destination's block starts.
     * @param recvBuffer        the blocks received.
     * @param recvOffset        element that receive displacements count from.
     * @param recvCounts        elements received from each rank.
     * @param recvDisplacements where each source's block goes.
     */
    default void ialltoallv(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int[] sendCounts,
        final int[] sendDisplacements, final Object recvBuffer, final int recvOffset, final int[] recvCounts,
        final int[] recvDisplacements)
    {
        Schedules.alltoallv(schedule, sendBuffer, sendOffset, sendCounts, sendDisplacements,
            recvBuffer, recvOffset, recvCounts, recvDisplacements);
    }

    /**
     * MPI_Ireduce_scatter (and MPI_Ireduce_scatter_block, with equal counts). Default:
     * {@link Schedules#reduceScatter}.
     *
     * @param schedule   the empty schedule.
     * @param sendBuffer this rank's contribution, sum(recvCounts) elements.
     * @param sendOffset first element.
     * @param recvBuffer this rank's block of the result.
     * @param recvOffset first element of the block.
     * @param recvCounts elements of the result that each rank receives.
     * @param op         reduction operation.
     */
    default void ireduceScatter(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final Object recvBuffer,
        final int recvOffset, final int[] recvCounts, final Op op)
    {
        Schedules.reduceScatter(schedule, sendBuffer, sendOffset, recvBuffer, recvOffset, recvCounts, op);
    }

    /**
     * MPI_Iscan. Default: {@link Schedules#scan}.
     *
     * @param schedule   the empty schedule.
     * @param sendBuffer this rank's contribution.
     * @param sendOffset first element.
     * @param recvBuffer the prefix reduction.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     */
    default void iscan(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final Object recvBuffer,
        final int recvOffset, final int count, final Op op)
    {
        Schedules.scan(schedule, sendBuffer, sendOffset, recvBuffer, recvOffset, count, op);
    }

    /**
     * MPI_Iexscan. Default: {@link Schedules#exscan}.
     *
     * @param schedule   the empty schedule.
     * @param sendBuffer this rank's contribution.
     * @param sendOffset first element.
     * @param recvBuffer the exclusive prefix reduction.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     */
    default void iexscan(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final Object recvBuffer,
        final int recvOffset, final int count, final Op op)
    {
        Schedules.exscan(schedule, sendBuffer, sendOffset, recvBuffer, recvOffset, count, op);
    }

    /**
     * Release the streams and buffers of this communicator's collectives.
     */
    void close();
}
