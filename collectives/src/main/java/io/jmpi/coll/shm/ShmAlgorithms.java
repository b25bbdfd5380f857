package io.jmpi.coll.shm;

import io.jmpi.Datatype;
import io.jmpi.Op;
import io.jmpi.coll.algorithm.AllgatherAlgorithm;
import io.jmpi.coll.algorithm.AllgathervAlgorithm;
import io.jmpi.coll.algorithm.AllreduceAlgorithm;
import io.jmpi.coll.algorithm.AlltoallAlgorithm;
import io.jmpi.coll.algorithm.AlltoallvAlgorithm;
import io.jmpi.coll.algorithm.BarrierAlgorithm;
import io.jmpi.coll.algorithm.BcastAlgorithm;
import io.jmpi.coll.algorithm.ExscanAlgorithm;
import io.jmpi.coll.algorithm.GatherAlgorithm;
import io.jmpi.coll.algorithm.GathervAlgorithm;
import io.jmpi.coll.algorithm.ReduceAlgorithm;
import io.jmpi.coll.algorithm.ReduceScatterAlgorithm;
import io.jmpi.coll.algorithm.ScanAlgorithm;
import io.jmpi.coll.algorithm.ScatterAlgorithm;
import io.jmpi.coll.algorithm.ScattervAlgorithm;
import io.jmpi.coll.base.Memory;
import io.jmpi.coll.base.Scratch;

/**
 * Every collective through the communicator's shared-memory segment ({@link ShmChannel}), the algorithm named
 * {@value #NAME} of each collective: each member writes its contribution once into its slots, and each reads
 * straight from the others' slots what it needs, into its buffer or into the reduction. A rank's own block is
 * copied straight from its send buffer, and left out of its stream.
 * <p>
 * Reductions are computed in rank order, {@code x0 op x1 op ... op xn-1}, by every member that needs the result,
 * so that non-commutative operations are served and allreduce gives every member the same bits. Scatterv and
 * alltoallv writers put an index of their blocks in front of their stream, as a reader does not know the
 * writer's counts.
 */
public final class ShmAlgorithms implements
    BarrierAlgorithm, BcastAlgorithm, ReduceAlgorithm, AllreduceAlgorithm, GatherAlgorithm, GathervAlgorithm,
    ScatterAlgorithm, ScattervAlgorithm, AllgatherAlgorithm, AllgathervAlgorithm, AlltoallAlgorithm,
    AlltoallvAlgorithm, ReduceScatterAlgorithm, ScanAlgorithm, ExscanAlgorithm
{
    /** Name of the algorithms. */
    public static final String NAME = "shm";
    /**
     * Allreduces of at least this many bytes are shared out, each member reducing a part of every fragment
     * ({@link ShmChannel#reduceInParts}); shorter ones are reduced whole by every member, which saves a round of
     * flags. A reduce is always reduced whole by its root, which reads its own contribution from its buffer: on
     * 2 and 4 ranks that beats sharing it out at 1 MiB (314 against 516 us, 731 against 921 us; RESULTS.md).
     */
    public static final long PARTS_MIN_BYTES = 16 * 1024;

    private final ShmChannel channel;
    private final Scratch scratch;
    private final int rank;
    private final int size;
    private final long[] index;

    /**
     * @param channel the communicator's segment, or null when it has none (the algorithms are then unavailable).
     * @param rank    this rank in the communicator.
     * @param size    the communicator's size.
     * @param scratch the communicator's scratch arrays, for the operands of reductions.
     */
    public ShmAlgorithms(final ShmChannel channel, final int rank, final int size, final Scratch scratch)
    {
        this.channel = channel;
        this.scratch = scratch;
        this.rank = rank;
        this.size = size;
        this.index = new long[size + 1];
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return NAME;
    }

    /**
     * @return true if the communicator has a segment: its members share this host.
     */
    public boolean isAvailable()
    {
        return null != channel;
    }

    /**
     * @param op a reduction operation.
     * @return true: every reduction here is computed in rank order.
     */
    public boolean supports(final Op op)
    {
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public void barrier()
    {
        channel.writeEmpty();
        for (int member = 0; member < size; member++)
        {
            if (member != rank)
            {
                channel.read(member, 0, 0, 0, 0);
            }
        }
        channel.transfer();
    }

    /**
     * {@inheritDoc}
     */
    public void bcast(final Object buffer, final int offset, final int count, final Datatype type, final int root)
    {
        final long length = (long)count * type.size();
        if (rank == root)
        {
            channel.write(Memory.base(buffer), Memory.address(buffer, offset, type), length);
        }
        else
        {
            channel.into(Memory.base(buffer));
            channel.read(root, 0, length, Memory.address(buffer, offset, type), length);
        }
        channel.transfer();
    }

    /**
     * {@inheritDoc}
     */
    public void reduce(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Datatype type, final Op op, final int root)
    {
        final long length = (long)count * type.size();
        if (rank == root)
        {
            channel.keep(Memory.base(sendBuffer), Memory.address(sendBuffer, sendOffset, type), length);
            channel.reduce(0, size - 1, 0, length, recvBuffer, recvOffset, type, op, scratch);
        }
        else
        {
            channel.write(Memory.base(sendBuffer), Memory.address(sendBuffer, sendOffset, type), length);
            channel.transfer();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void allreduce(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Datatype type, final Op op)
    {
        final long length = writeVector(sendBuffer, sendOffset, count, type);
        if (length >= PARTS_MIN_BYTES)
        {
            channel.reduceInParts(recvBuffer, recvOffset, type, op, scratch);
        }
        else
        {
            channel.reduce(0, size - 1, 0, length, recvBuffer, recvOffset, type, op, scratch);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void scan(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Datatype type, final Op op)
    {
        final long length = writeVector(sendBuffer, sendOffset, count, type);
        channel.reduce(0, rank, 0, length, recvBuffer, recvOffset, type, op, scratch);
    }

    /**
     * {@inheritDoc}
     */
    public void exscan(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Datatype type, final Op op)
    {
        final long length = writeVector(sendBuffer, sendOffset, count, type);
        channel.reduce(0, rank - 1, 0, length, recvBuffer, recvOffset, type, op, scratch);
    }

    /**
     * {@inheritDoc}
     */
    public void reduceScatter(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int[] recvCounts, final Datatype type, final Op op)
    {
        long total = 0;
        long from = 0;
        for (int member = 0; member < size; member++)
        {
            if (member == rank)
            {
                from = total;
            }
            total += recvCounts[member];
        }
        writeVector(sendBuffer, sendOffset, (int)total, type);
        channel.reduce(0, size - 1, from * type.size(), (from + recvCounts[rank]) * type.size(),
            recvBuffer, recvOffset, type, op, scratch);
    }

    /**
     * {@inheritDoc}
     */
    public void gather(
        final Object sendBuffer, final int sendOffset, final int count, final Object recvBuffer, final int recvOffset,
        final Datatype type, final int root)
    {
        final long length = (long)count * type.size();
        if (rank != root)
        {
            channel.write(Memory.base(sendBuffer), Memory.address(sendBuffer, sendOffset, type), length);
        }
        else
        {
            Memory.copy(sendBuffer, sendOffset, recvBuffer, recvOffset + root * count, count, type);
            channel.into(Memory.base(recvBuffer));
            for (int member = 0; member < size; member++)
            {
                if (member != root)
                {
                    channel.read(member, 0, length,
                        Memory.address(recvBuffer, recvOffset + member * count, type), length);
                }
            }
        }
        channel.transfer();
    }

    /**
     * {@inheritDoc}
     */
    public void gatherv(
        final Object sendBuffer, final int sendOffset, final int sendCount, final Object recvBuffer,
        final int recvOffset, final int[] recvCounts, final int[] displacements, final Datatype type, final int root)
    {
        if (rank != root)
        {
            channel.write(Memory.base(sendBuffer), Memory.address(sendBuffer, sendOffset, type),
                (long)sendCount * type.size());
        }
        else
        {
            Memory.copy(sendBuffer, sendOffset, recvBuffer, recvOffset + displacements[root], sendCount, type);
            channel.into(Memory.base(recvBuffer));
            for (int member = 0; member < size; member++)
            {
                if (member != root)
                {
                    final long length = (long)recvCounts[member] * type.size();
                    channel.read(member, 0, length,
                        Memory.address(recvBuffer, recvOffset + displacements[member], type), length);
                }
            }
        }
        channel.transfer();
    }

    /**
     * {@inheritDoc}
     */
    public void scatter(
        final Object sendBuffer, final int sendOffset, final int count, final Object recvBuffer, final int recvOffset,
        final Datatype type, final int root)
    {
        final long length = (long)count * type.size();
        if (rank == root)
        {
            writeOthersBlocks(sendBuffer, sendOffset, count, type);
            Memory.copy(sendBuffer, sendOffset + root * count, recvBuffer, recvOffset, count, type);
        }
        else
        {
            channel.into(Memory.base(recvBuffer));
            channel.read(root, length * blockInStream(rank, root), length, Memory.address(recvBuffer, recvOffset, type),
                length * (size - 1));
        }
        channel.transfer();
    }

    /**
     * {@inheritDoc}
     */
    public void scatterv(
        final Object sendBuffer, final int sendOffset, final int[] sendCounts, final int[] displacements,
        final Object recvBuffer, final int recvOffset, final int recvCount, final Datatype type, final int root)
    {
        if (rank == root)
        {
            writeBlocks(sendBuffer, sendOffset, sendCounts, displacements, type);
            Memory.copy(sendBuffer, sendOffset + displacements[root], recvBuffer, recvOffset, recvCount, type);
        }
        else
        {
            channel.into(Memory.base(recvBuffer));
            channel.readBlock(root, rank, Memory.address(recvBuffer, recvOffset, type), (long)recvCount * type.size());
        }
        channel.transfer();
    }

    /**
     * {@inheritDoc}
     */
    public void allgather(
        final Object sendBuffer, final int sendOffset, final int count, final Object recvBuffer, final int recvOffset,
        final Datatype type)
    {
        final long length = (long)count * type.size();
        channel.write(Memory.base(sendBuffer), Memory.address(sendBuffer, sendOffset, type), length);
        Memory.copy(sendBuffer, sendOffset, recvBuffer, recvOffset + rank * count, count, type);
        channel.into(Memory.base(recvBuffer));
        for (int member = 0; member < size; member++)
        {
            if (member != rank)
            {
                channel.read(member, 0, length, Memory.address(recvBuffer, recvOffset + member * count, type), length);
            }
        }
        channel.transfer();
    }

    /**
     * {@inheritDoc}
     */
    public void allgatherv(
        final Object sendBuffer, final int sendOffset, final int sendCount, final Object recvBuffer,
        final int recvOffset, final int[] recvCounts, final int[] displacements, final Datatype type)
    {
        channel.write(Memory.base(sendBuffer), Memory.address(sendBuffer, sendOffset, type),
            (long)sendCount * type.size());
        Memory.copy(sendBuffer, sendOffset, recvBuffer, recvOffset + displacements[rank], sendCount, type);
        channel.into(Memory.base(recvBuffer));
        for (int member = 0; member < size; member++)
        {
            if (member != rank)
            {
                final long length = (long)recvCounts[member] * type.size();
                channel.read(member, 0, length,
                    Memory.address(recvBuffer, recvOffset + displacements[member], type), length);
            }
        }
        channel.transfer();
    }

    /**
     * {@inheritDoc}
     */
    public void alltoall(
        final Object sendBuffer, final int sendOffset, final int count, final Object recvBuffer, final int recvOffset,
        final Datatype type)
    {
        final long length = (long)count * type.size();
        writeOthersBlocks(sendBuffer, sendOffset, count, type);
        Memory.copy(sendBuffer, sendOffset + rank * count, recvBuffer, recvOffset + rank * count, count, type);
        channel.into(Memory.base(recvBuffer));
        for (int member = 0; member < size; member++)
        {
            if (member != rank)
            {
                channel.read(member, length * blockInStream(rank, member), length,
                    Memory.address(recvBuffer, recvOffset + member * count, type), length * (size - 1));
            }
        }
        channel.transfer();
    }

    /**
     * {@inheritDoc}
     */
    public void alltoallv(
        final Object sendBuffer, final int sendOffset, final int[] sendCounts, final int[] sendDisplacements,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] recvDisplacements,
        final Datatype type)
    {
        writeBlocks(sendBuffer, sendOffset, sendCounts, sendDisplacements, type);
        Memory.copy(sendBuffer, sendOffset + sendDisplacements[rank],
            recvBuffer, recvOffset + recvDisplacements[rank], recvCounts[rank], type);
        channel.into(Memory.base(recvBuffer));
        for (int member = 0; member < size; member++)
        {
            if (member != rank)
            {
                channel.readBlock(member, rank, Memory.address(recvBuffer, recvOffset + recvDisplacements[member], type),
                    (long)recvCounts[member] * type.size());
            }
        }
        channel.transfer();
    }

    private long writeVector(final Object buffer, final int offset, final int count, final Datatype type)
    {
        final long length = (long)count * type.size();
        channel.write(Memory.base(buffer), Memory.address(buffer, offset, type), length);
        return length;
    }

    /**
     * Write the blocks of a send buffer that go to the other members, in rank order: a member's own block is copied
     * straight to its receive buffer, so its stream leaves it out.
     */
    private void writeOthersBlocks(final Object buffer, final int offset, final int count, final Datatype type)
    {
        final long length = (long)count * type.size();
        final Object base = Memory.base(buffer);
        channel.write(base, Memory.address(buffer, offset, type), length * rank);
        channel.write(base, Memory.address(buffer, offset + (rank + 1) * count, type), length * (size - 1 - rank));
    }

    /**
     * @return where a member's block stands in the stream of a writer that leaves its own block out.
     */
    private static int blockInStream(final int member, final int writer)
    {
        return member < writer ? member : member - 1;
    }

    private void writeBlocks(
        final Object buffer, final int offset, final int[] counts, final int[] displacements, final Datatype type)
    {
        long position = (size + 1L) * Long.BYTES;
        for (int member = 0; member < size; member++)
        {
            index[member] = position;
            position += member == rank ? 0 : (long)counts[member] * type.size();
        }
        index[size] = position;
        channel.writeIndex(index, size);
        for (int member = 0; member < size; member++)
        {
            if (member != rank)
            {
                channel.write(Memory.base(buffer), Memory.address(buffer, offset + displacements[member], type),
                    (long)counts[member] * type.size());
            }
        }
    }
}
