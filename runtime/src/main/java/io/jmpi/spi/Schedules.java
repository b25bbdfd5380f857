package io.jmpi.spi;

import io.jmpi.Datatype;
import io.jmpi.Op;

/**
 * The algorithms of libNBC (Open MPI's coll/libnbc), as {@link Schedule}s: the default nonblocking collectives of
 * {@link Collectives}, which a provider may call from its own. Each method fills an empty schedule; the
 * arguments have been checked as for the blocking form, and the schedule checks the buffer regions again.
 * <p>
 * Reductions are computed in rank order, {@code x0 op x1 op ... op xn-1}, so non-commutative operations are
 * served; reductions run on scratch arrays, so ByteBuffer and DirectBuffer arguments work too. Rounds are the
 * unit of overlap: what a rank can do without waiting is in one round.
 */
public final class Schedules
{
    private static final byte[] EMPTY = new byte[0];

    private Schedules()
    {
    }

    /**
     * MPI_Ibarrier by dissemination (libNBC's ibarrier): in round k each rank sends an empty message to rank
     * {@code rank + 2^k} and receives one from {@code rank - 2^k}, modulo the size; ceil(log2 n) rounds.
     *
     * @param schedule the empty schedule.
     */
    public static void barrier(final Schedule schedule)
    {
        final int rank = schedule.rank();
        final int size = schedule.size();
        for (int distance = 1; distance < size; distance <<= 1)
        {
            schedule.send(EMPTY, 0, 0, (rank + distance) % size);
            schedule.recv(EMPTY, 0, 0, (rank - distance + size) % size);
            schedule.round();
        }
    }

    /**
     * MPI_Ibcast by a binomial tree rooted at the root (libNBC's binomial ibcast): a rank receives from its parent in
     * one round, then sends to all its children in the next.
     *
     * @param schedule the empty schedule.
     * @param buffer   data at the root, destination elsewhere.
     * @param offset   first element.
     * @param count    number of elements.
     * @param root     rank of the root.
     */
    public static void bcast(
        final Schedule schedule, final Object buffer, final int offset, final int count, final int root)
    {
        final int size = schedule.size();
        final int vrank = (schedule.rank() - root + size) % size;
        if (0 != vrank)
        {
            schedule.recv(buffer, offset, count, (vrank - Integer.lowestOneBit(vrank) + root) % size);
            schedule.round();
        }
        for (int mask = childMask(vrank, size); mask > 0; mask >>= 1)
        {
            if (vrank + mask < size)
            {
                schedule.send(buffer, offset, count, (vrank + mask + root) % size);
            }
        }
    }

    /**
     * MPI_Ireduce by a binomial tree (libNBC's binomial ireduce): a rank receives the partial result of each child in
     * its own round, the child's run of ranks following its own, and combines it, then sends its partial result to
     * its parent. A commutative operation uses the tree rooted at the root; any other uses the tree rooted at rank
     * 0, whose runs are in rank order, and rank 0 then sends the result to the root.
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
    public static void reduce(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final Object recvBuffer,
        final int recvOffset, final int count, final Op op, final int root)
    {
        final int rank = schedule.rank();
        final int treeRoot = op.isCommutative() ? root : 0;
        final Object result = reduceTree(schedule, sendBuffer, sendOffset, count, op, treeRoot);
        if (rank == treeRoot && rank == root)
        {
            schedule.copy(result, 0, recvBuffer, recvOffset, count);
        }
        else if (rank == treeRoot)
        {
            schedule.send(result, 0, count, root);
        }
        else if (rank == root)
        {
            schedule.recv(recvBuffer, recvOffset, count, treeRoot);
        }
    }

    /**
     * MPI_Iallreduce by recursive doubling: in round k a rank exchanges its partial result with the rank whose
     * number differs in bit k, then combines the two, lower run on the left; when the size is not a power of two,
     * the first {@code 2r} ranks first fold in pairs and the even ones get the result back at the end (as MPICH, and
     * as jmpi's blocking allreduce, so both give the same bits).
     *
     * @param schedule   the empty schedule.
     * @param sendBuffer this rank's contribution.
     * @param sendOffset first element of the contribution.
     * @param recvBuffer result.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     */
    public static void allreduce(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final Object recvBuffer,
        final int recvOffset, final int count, final Op op)
    {
        final int rank = schedule.rank();
        final int size = schedule.size();
        final Datatype type = typeOf(sendBuffer);
        Object partial = schedule.scratch(type, count);
        Object incoming = schedule.scratch(type, count);
        schedule.copy(sendBuffer, sendOffset, partial, 0, count);
        final int powerOfTwo = Integer.highestOneBit(size);
        final int extra = size - powerOfTwo;
        int folded = rank - extra;
        if (rank < 2 * extra)
        {
            if (0 == rank % 2)
            {
                schedule.send(partial, 0, count, rank + 1);
                schedule.round();
                schedule.recv(recvBuffer, recvOffset, count, rank + 1);
                return;
            }
            schedule.recv(incoming, 0, count, rank - 1);
            schedule.round();
            schedule.reduce(op, incoming, 0, partial, 0, count);
            folded = rank / 2;
        }
        for (int mask = 1; mask < powerOfTwo; mask <<= 1)
        {
            final int foldedPartner = folded ^ mask;
            final int partner = foldedPartner < extra ? 2 * foldedPartner + 1 : foldedPartner + extra;
            schedule.send(partial, 0, count, partner);
            schedule.recv(incoming, 0, count, partner);
            schedule.round();
            if (partner < rank)
            {
                schedule.reduce(op, incoming, 0, partial, 0, count);
            }
            else
            {
                schedule.reduce(op, partial, 0, incoming, 0, count);
                final Object swap = partial;
                partial = incoming;
                incoming = swap;
            }
        }
        if (rank < 2 * extra)
        {
            schedule.send(partial, 0, count, rank - 1);
        }
        schedule.copy(partial, 0, recvBuffer, recvOffset, count);
    }

    /**
     * MPI_Igather, linear (libNBC's igather): the root receives every block in one round.
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
    public static void gather(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int root)
    {
        final int size = schedule.size();
        if (schedule.rank() != root)
        {
            schedule.send(sendBuffer, sendOffset, sendCount, root);
            return;
        }
        for (int i = 0; i < size; i++)
        {
            final int at = recvOffset + i * recvCount;
            if (i == root)
            {
                schedule.copy(sendBuffer, sendOffset, recvBuffer, at, recvCount);
            }
            else
            {
                schedule.recv(recvBuffer, at, recvCount, i);
            }
        }
    }

    /**
     * MPI_Igatherv, linear (libNBC's igatherv).
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
    public static void gatherv(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] displacements,
        final int root)
    {
        if (schedule.rank() != root)
        {
            schedule.send(sendBuffer, sendOffset, sendCount, root);
            return;
        }
        for (int i = 0; i < schedule.size(); i++)
        {
            if (i == root)
            {
                schedule.copy(sendBuffer, sendOffset, recvBuffer, recvOffset + displacements[i], recvCounts[i]);
            }
            else
            {
                schedule.recv(recvBuffer, recvOffset + displacements[i], recvCounts[i], i);
            }
        }
    }

    /**
     * MPI_Iscatter, linear (libNBC's iscatter): the root sends every block in one round.
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
    public static void scatter(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int root)
    {
        if (schedule.rank() != root)
        {
            schedule.recv(recvBuffer, recvOffset, recvCount, root);
            return;
        }
        for (int i = 0; i < schedule.size(); i++)
        {
            final int at = sendOffset + i * sendCount;
            if (i == root)
            {
                schedule.copy(sendBuffer, at, recvBuffer, recvOffset, sendCount);
            }
            else
            {
                schedule.send(sendBuffer, at, sendCount, i);
            }
        }
    }

    /**
     * MPI_Iscatterv, linear (libNBC's iscatterv).
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
    public static void scatterv(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int[] sendCounts,
        final int[] displacements, final Object recvBuffer, final int recvOffset, final int recvCount,
        final int root)
    {
        if (schedule.rank() != root)
        {
            schedule.recv(recvBuffer, recvOffset, recvCount, root);
            return;
        }
        for (int i = 0; i < schedule.size(); i++)
        {
            if (i == root)
            {
                schedule.copy(sendBuffer, sendOffset + displacements[i], recvBuffer, recvOffset, sendCounts[i]);
            }
            else
            {
                schedule.send(sendBuffer, sendOffset + displacements[i], sendCounts[i], i);
            }
        }
    }

    /**
     * MPI_Iallgather, linear (libNBC's iallgather): every rank sends its block to every other and receives theirs,
     * all in one round.
     *
     * @param schedule   the empty schedule.
     * @param sendBuffer this rank's block.
     * @param sendOffset first element of the block.
     * @param sendCount  elements in each block.
     * @param recvBuffer the blocks of every rank.
     * @param recvOffset first element of the result.
     * @param recvCount  elements received from each rank.
     */
    public static void allgather(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount)
    {
        final int rank = schedule.rank();
        for (int i = 0; i < schedule.size(); i++)
        {
            if (i == rank)
            {
                schedule.copy(sendBuffer, sendOffset, recvBuffer, recvOffset + i * recvCount, recvCount);
            }
            else
            {
                schedule.send(sendBuffer, sendOffset, sendCount, i);
                schedule.recv(recvBuffer, recvOffset + i * recvCount, recvCount, i);
            }
        }
    }

    /**
     * MPI_Iallgatherv, linear (libNBC's iallgatherv).
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
    public static void allgatherv(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] displacements)
    {
        final int rank = schedule.rank();
        for (int i = 0; i < schedule.size(); i++)
        {
            if (i == rank)
            {
                schedule.copy(sendBuffer, sendOffset, recvBuffer, recvOffset + displacements[i], recvCounts[i]);
            }
            else
            {
                schedule.send(sendBuffer, sendOffset, sendCount, i);
                schedule.recv(recvBuffer, recvOffset + displacements[i], recvCounts[i], i);
            }
        }
    }

    /**
     * MPI_Ialltoall, linear (libNBC's linear ialltoall): every block is sent and received in one round.
     *
     * @param schedule   the empty schedule.
     * @param sendBuffer one block per destination rank.
     * @param sendOffset first element.
     * @param sendCount  elements sent to each rank.
     * @param recvBuffer one block per source rank.
     * @param recvOffset first element.
     * @param recvCount  elements received from each rank.
     */
    public static void alltoall(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount)
    {
        final int rank = schedule.rank();
        for (int i = 0; i < schedule.size(); i++)
        {
            if (i == rank)
            {
                schedule.copy(sendBuffer, sendOffset + i * sendCount, recvBuffer, recvOffset + i * recvCount,
                    recvCount);
            }
            else
            {
                schedule.send(sendBuffer, sendOffset + i * sendCount, sendCount, i);
                schedule.recv(recvBuffer, recvOffset + i * recvCount, recvCount, i);
            }
        }
    }

    /**
     * MPI_Ialltoallv, linear (libNBC's ialltoallv).
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
    public static void alltoallv(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int[] sendCounts,
        final int[] sendDisplacements, final Object recvBuffer, final int recvOffset, final int[] recvCounts,
        final int[] recvDisplacements)
    {
        final int rank = schedule.rank();
        for (int i = 0; i < schedule.size(); i++)
        {
            if (i == rank)
            {
                schedule.copy(sendBuffer, sendOffset + sendDisplacements[i],
                    recvBuffer, recvOffset + recvDisplacements[i], recvCounts[i]);
            }
            else
            {
                schedule.send(sendBuffer, sendOffset + sendDisplacements[i], sendCounts[i], i);
                schedule.recv(recvBuffer, recvOffset + recvDisplacements[i], recvCounts[i], i);
            }
        }
    }

    /**
     * MPI_Ireduce_scatter as libNBC does it: a binomial reduce of the whole vector to rank 0, in rank order, then a
     * linear scatter of the blocks.
     *
     * @param schedule   the empty schedule.
     * @param sendBuffer this rank's contribution, sum(recvCounts) elements.
     * @param sendOffset first element.
     * @param recvBuffer this rank's block of the result.
     * @param recvOffset first element of the block.
     * @param recvCounts elements of the result that each rank receives.
     * @param op         reduction operation.
     */
    public static void reduceScatter(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final Object recvBuffer,
        final int recvOffset, final int[] recvCounts, final Op op)
    {
        final int rank = schedule.rank();
        int total = 0;
        for (final int blockCount : recvCounts)
        {
            total += blockCount;
        }
        final Object result = reduceTree(schedule, sendBuffer, sendOffset, total, op, 0);
        if (0 != rank)
        {
            schedule.recv(recvBuffer, recvOffset, recvCounts[rank], 0);
            return;
        }
        for (int i = 0, at = 0; i < recvCounts.length; at += recvCounts[i], i++)
        {
            if (0 == i)
            {
                schedule.copy(result, at, recvBuffer, recvOffset, recvCounts[i]);
            }
            else
            {
                schedule.send(result, at, recvCounts[i], i);
            }
        }
    }

    /**
     * MPI_Iscan, linear (libNBC's iscan): rank i waits for the prefix of ranks 0..i-1 from rank i-1, combines its
     * own contribution and passes the result to rank i+1.
     *
     * @param schedule   the empty schedule.
     * @param sendBuffer this rank's contribution.
     * @param sendOffset first element.
     * @param recvBuffer the inclusive prefix reduction.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     */
    public static void scan(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final Object recvBuffer,
        final int recvOffset, final int count, final Op op)
    {
        final int rank = schedule.rank();
        final Datatype type = typeOf(sendBuffer);
        final Object partial = schedule.scratch(type, count);
        schedule.copy(sendBuffer, sendOffset, partial, 0, count);
        if (rank > 0)
        {
            final Object prefix = schedule.scratch(type, count);
            schedule.recv(prefix, 0, count, rank - 1);
            schedule.round();
            schedule.reduce(op, prefix, 0, partial, 0, count);
        }
        schedule.copy(partial, 0, recvBuffer, recvOffset, count);
        if (rank < schedule.size() - 1)
        {
            schedule.send(partial, 0, count, rank + 1);
        }
    }

    /**
     * MPI_Iexscan, linear (libNBC's iexscan): rank i receives the prefix of ranks 0..i-1 from rank i-1 as its
     * result, and passes that prefix combined with its own contribution to rank i+1; rank 0's result is left
     * unchanged.
     *
     * @param schedule   the empty schedule.
     * @param sendBuffer this rank's contribution.
     * @param sendOffset first element.
     * @param recvBuffer the exclusive prefix reduction.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     */
    public static void exscan(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final Object recvBuffer,
        final int recvOffset, final int count, final Op op)
    {
        final int rank = schedule.rank();
        final int size = schedule.size();
        if (0 == rank)
        {
            if (size > 1)
            {
                schedule.send(sendBuffer, sendOffset, count, 1);
            }
            return;
        }
        final Datatype type = typeOf(sendBuffer);
        final Object prefix = schedule.scratch(type, count);
        schedule.recv(prefix, 0, count, rank - 1);
        schedule.round();
        schedule.copy(prefix, 0, recvBuffer, recvOffset, count);
        if (rank < size - 1)
        {
            final Object partial = schedule.scratch(type, count);
            schedule.copy(sendBuffer, sendOffset, partial, 0, count);
            schedule.reduce(op, prefix, 0, partial, 0, count);
            schedule.send(partial, 0, count, rank + 1);
        }
    }

    /**
     * The binomial reduction tree of {@link #reduce}, rooted at {@code treeRoot}; children are numbered from it.
     *
     * @return at the tree's root, the scratch array that holds the result once the rounds added so far have run;
     * null elsewhere.
     */
    private static Object reduceTree(
        final Schedule schedule, final Object sendBuffer, final int sendOffset, final int count, final Op op,
        final int treeRoot)
    {
        final int size = schedule.size();
        final int vrank = (schedule.rank() - treeRoot + size) % size;
        final Datatype type = typeOf(sendBuffer);
        Object partial = schedule.scratch(type, count);
        Object incoming = schedule.scratch(type, count);
        schedule.copy(sendBuffer, sendOffset, partial, 0, count);
        final int limit = 0 == vrank ? childMask(0, size) << 1 : Integer.lowestOneBit(vrank);
        for (int mask = 1; mask < limit && vrank + mask < size; mask <<= 1)
        {
            schedule.recv(incoming, 0, count, (vrank + mask + treeRoot) % size);
            schedule.round();
            // the child's run of ranks follows this rank's: this partial is the left operand
            schedule.reduce(op, partial, 0, incoming, 0, count);
            final Object swap = partial;
            partial = incoming;
            incoming = swap;
        }
        if (0 != vrank)
        {
            schedule.send(partial, 0, count, (vrank - Integer.lowestOneBit(vrank) + treeRoot) % size);
            schedule.round();
            return null;
        }
        return partial;
    }

    /**
     * @return the largest distance to a child of {@code vrank} in a binomial tree of {@code size} ranks rooted at 0
     * (children are {@code vrank + 2^k} below the lowest set bit of vrank), or 0 if it has none.
     */
    private static int childMask(final int vrank, final int size)
    {
        if (0 == vrank)
        {
            return size <= 1 ? 0 : Integer.highestOneBit(size - 1);
        }
        return Integer.lowestOneBit(vrank) >> 1;
    }

    private static Datatype typeOf(final Object buffer)
    {
        final Datatype type = Datatype.ofArray(buffer);
        return null == type ? Datatype.BYTE : type;
    }
}
