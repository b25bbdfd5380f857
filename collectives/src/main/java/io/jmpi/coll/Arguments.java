package io.jmpi.coll;

import io.jmpi.Datatype;
import io.jmpi.ErrorClass;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
import io.jmpi.Op;
import io.jmpi.coll.base.Types;
import org.agrona.DirectBuffer;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;

/**
 * Checks of collective arguments, made at each member before any data moves, with the MPI error class of each
 * failure: ERR_BUFFER for a null or too short buffer, ERR_COUNT for a negative or mismatched count, ERR_TYPE for
 * an unsupported buffer or two buffers of different types, ERR_ARG for a counts or displacements array of the wrong
 * length, ERR_OP for a missing operation or one undefined on the datatype, ERR_TRUNCATE when this rank can see that
 * a block would not fit where it goes. Nothing allocates unless a check fails.
 */
final class Arguments
{
    /**
     * The parameter names of a v-collective's buffer and arrays, for messages.
     *
     * @param buffer        name of the buffer.
     * @param counts        name of its counts.
     * @param displacements name of its displacements.
     */
    record BlockNames(String buffer, String counts, String displacements)
    {
    }

    /** Receive side of gatherv and allgatherv. */
    static final BlockNames GATHERV = new BlockNames("recvBuffer", "recvCounts", "displacements");
    /** Send side of scatterv. */
    static final BlockNames SCATTERV = new BlockNames("sendBuffer", "sendCounts", "displacements");
    /** Send side of alltoallv. */
    static final BlockNames ALLTOALLV_SEND = new BlockNames("sendBuffer", "sendCounts", "sendDisplacements");
    /** Receive side of alltoallv. */
    static final BlockNames ALLTOALLV_RECV = new BlockNames("recvBuffer", "recvCounts", "recvDisplacements");

    private Arguments()
    {
    }

    /**
     * Check a buffer of one block per rank, rejecting a negative count as the user gave it rather than as the
     * product of the blocks.
     *
     * @param buffer   primitive array, ByteBuffer or DirectBuffer.
     * @param offset   first element.
     * @param size     number of blocks, one per rank.
     * @param count    elements of one block.
     * @param writable true if the collective writes into it.
     * @param name     the argument's name, for the message.
     * @return the buffer's datatype.
     */
    static Datatype perRank(
        final Object buffer, final int offset, final int size, final int count, final boolean writable,
        final String name)
    {
        if (null != buffer && count < 0)
        {
            throw new MpiException(ErrorClass.ERR_COUNT, name + ": count=" + count + " is negative");
        }
        return buffer(buffer, offset, (long)size * count, writable, name);
    }

    /**
     * Check a buffer region.
     *
     * @param buffer   primitive array, ByteBuffer or DirectBuffer.
     * @param offset   first element.
     * @param count    number of elements, as a long so that products of counts are checked too.
     * @param writable true if the collective writes into it.
     * @param name     the argument's name, for the message.
     * @return the buffer's datatype.
     */
    static Datatype buffer(
        final Object buffer, final int offset, final long count, final boolean writable, final String name)
    {
        if (null == buffer)
        {
            throw new MpiException(ErrorClass.ERR_BUFFER, name + " is null");
        }
        if (Mpi.IN_PLACE == buffer)
        {
            throw new MpiException(ErrorClass.ERR_BUFFER, name + " is IN_PLACE, which MPI does not allow there");
        }
        if (count < 0)
        {
            throw new MpiException(ErrorClass.ERR_COUNT, name + ": count=" + count + " is negative");
        }
        if (offset < 0)
        {
            throw new MpiException(ErrorClass.ERR_BUFFER, name + ": offset=" + offset + " is negative");
        }
        final Datatype type = Types.of(buffer);
        if (null == type)
        {
            throw new MpiException(ErrorClass.ERR_TYPE, name + " is a " + buffer.getClass().getName() +
                ": use a primitive array, a ByteBuffer or an Agrona DirectBuffer");
        }
        if (buffer instanceof ByteBuffer)
        {
            final ByteBuffer byteBuffer = (ByteBuffer)buffer;
            if (writable && byteBuffer.isReadOnly())
            {
                throw new MpiException(ErrorClass.ERR_BUFFER, name + " is a read-only ByteBuffer");
            }
            if (!byteBuffer.isDirect() && !byteBuffer.hasArray())
            {
                throw new MpiException(ErrorClass.ERR_BUFFER, name + " is a read-only heap ByteBuffer, " +
                    "which exposes no memory to copy");
            }
        }
        final int capacity = capacity(buffer);
        if (offset + count > capacity)
        {
            throw new MpiException(ErrorClass.ERR_BUFFER,
                name + ": offset=" + offset + " + count=" + count + " exceeds its length " + capacity);
        }
        if (count * type.size() > Integer.MAX_VALUE)
        {
            throw new MpiException(ErrorClass.ERR_COUNT,
                name + ": a message of " + count * type.size() + " bytes exceeds 2 GiB - 1");
        }
        return type;
    }

    /**
     * Check the blocks of a v-collective's buffer: one per rank, at a displacement; an empty block may be anywhere.
     *
     * @param buffer        primitive array, ByteBuffer or DirectBuffer.
     * @param offset        element that displacements count from.
     * @param counts        elements of each block.
     * @param displacements where each block starts, relative to offset.
     * @param size          communicator size.
     * @param writable      true if the collective writes into it.
     * @param names         the names of the buffer, the counts and the displacements, for the message.
     * @return the buffer's datatype.
     */
    static Datatype blocks(
        final Object buffer, final int offset, final int[] counts, final int[] displacements, final int size,
        final boolean writable, final BlockNames names)
    {
        counts(counts, size, names.counts());
        ranks(displacements, size, names.displacements());
        final Datatype type = buffer(buffer, offset, 0, writable, names.buffer());
        final int capacity = capacity(buffer);
        for (int i = 0; i < size; i++)
        {
            final long start = (long)offset + displacements[i];
            if (counts[i] > 0 && (start < 0 || start + counts[i] > capacity))
            {
                throw new MpiException(ErrorClass.ERR_BUFFER, names.buffer() + ": block " + i + " at offset=" + offset +
                    " + displacement=" + displacements[i] + " with count=" + counts[i] + " is outside its length " +
                    capacity);
            }
        }
        return type;
    }

    /**
     * Check an array of counts, one per rank.
     *
     * @param counts the counts.
     * @param size   communicator size.
     * @param name   the array's name, for the message.
     * @return the sum of the counts.
     */
    static long counts(final int[] counts, final int size, final String name)
    {
        ranks(counts, size, name);
        long total = 0;
        for (int i = 0; i < size; i++)
        {
            if (counts[i] < 0)
            {
                throw new MpiException(ErrorClass.ERR_COUNT, name + "[" + i + "]=" + counts[i] + " is negative");
            }
            total += counts[i];
        }
        if (total > Integer.MAX_VALUE)
        {
            throw new MpiException(ErrorClass.ERR_COUNT, name + " add up to " + total + ", more than 2^31 - 1");
        }
        return total;
    }

    /**
     * Check that one block per rank makes an array of at most 2^31 - 1 elements, as the algorithms that collect
     * blocks need.
     *
     * @param size  communicator size.
     * @param count elements of one block.
     * @param name  the count's name, for the message.
     */
    static void total(final int size, final int count, final String name)
    {
        if ((long)size * count > Integer.MAX_VALUE)
        {
            throw new MpiException(ErrorClass.ERR_COUNT,
                name + "=" + count + " for each of " + size + " ranks makes more than 2^31 - 1 elements");
        }
    }

    /**
     * Check that the types of a send and a receive buffer match, as MPI's type signatures must.
     *
     * @param sendType type of the send buffer.
     * @param recvType type of the receive buffer.
     */
    static void sameType(final Datatype sendType, final Datatype recvType)
    {
        if (sendType != recvType)
        {
            throw new MpiException(ErrorClass.ERR_TYPE,
                "send buffer of " + sendType + " and receive buffer of " + recvType + ": the types must match");
        }
    }

    /**
     * Check that what this rank sends to a block equals the block's count.
     *
     * @param sendCount elements sent.
     * @param recvCount elements the block holds.
     * @param what      the block, for the message.
     */
    static void sameCount(final int sendCount, final int recvCount, final String what)
    {
        if (sendCount > recvCount)
        {
            throw new MpiException(ErrorClass.ERR_TRUNCATE,
                what + ": " + sendCount + " elements sent do not fit the " + recvCount + " received");
        }
        if (sendCount < recvCount)
        {
            throw new MpiException(ErrorClass.ERR_COUNT,
                what + ": " + sendCount + " elements sent where " + recvCount + " are received; the counts must match");
        }
    }

    /**
     * Check a reduction operation for a datatype and count.
     *
     * @param op    the operation.
     * @param type  datatype of the buffers.
     * @param count elements to combine.
     */
    static void op(final Op op, final Datatype type, final int count)
    {
        if (null == op)
        {
            throw new MpiException(ErrorClass.ERR_OP, "the reduction operation is null");
        }
        op.check(type, count);
    }

    private static void ranks(final int[] array, final int size, final String name)
    {
        if (null == array)
        {
            throw new MpiException(ErrorClass.ERR_ARG, name + " is null");
        }
        // MPI reads the first size entries: a longer array is fine
        if (array.length < size)
        {
            throw new MpiException(ErrorClass.ERR_ARG,
                name + " has " + array.length + " entries: it needs one per rank, " + size);
        }
    }

    private static int capacity(final Object buffer)
    {
        if (buffer instanceof ByteBuffer)
        {
            return ((ByteBuffer)buffer).capacity();
        }
        if (buffer instanceof DirectBuffer)
        {
            return ((DirectBuffer)buffer).capacity();
        }
        return Array.getLength(buffer);
    }
}
