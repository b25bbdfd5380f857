package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import io.jmpi.ObjectCodec;

/**
 * The collectives on {@link MPI#OBJECT} items, built on jmpi's collectives of bytes and ints: each block of
 * objects is serialized, the lengths are exchanged first, then the bytes, then each block is deserialized where
 * it belongs. Reductions with a user operation collect every contribution and combine them in rank order,
 * {@code x0 op (x1 op (... op xn-1))}.
 */
final class ObjectCollectives
{
    private ObjectCollectives()
    {
    }

    /**
     * MPI_Bcast of objects.
     *
     * @param comm   the communicator.
     * @param region the root's items, or where the others receive them.
     * @param root   the root.
     */
    static void bcast(final io.jmpi.Comm comm, final Region region, final int root)
    {
        final int[] length = new int[1];
        byte[] bytes = null;
        if (comm.rank() == root)
        {
            bytes = encode(region);
            length[0] = bytes.length;
        }
        comm.bcast(length, 0, 1, root);
        if (comm.rank() != root)
        {
            bytes = new byte[length[0]];
        }
        comm.bcast(bytes, 0, bytes.length, root);
        if (comm.rank() != root)
        {
            decode(bytes, 0, bytes.length, region);
        }
    }

    /**
     * MPI_Gather(v) of objects.
     *
     * @param comm the communicator.
     * @param send this rank's items.
     * @param recv at the root, the blocks to fill; null elsewhere.
     * @param root the root.
     */
    static void gatherv(final io.jmpi.Comm comm, final Region send, final Blocks recv, final int root)
    {
        final byte[] mine = encode(send);
        if (comm.rank() != root)
        {
            comm.gather(new int[]{ mine.length }, 0, 1, null, 0, 1, root);
            comm.gatherv(mine, 0, mine.length, null, 0, null, null, root);
            return;
        }
        final int[] lengths = new int[comm.size()];
        comm.gather(new int[]{ mine.length }, 0, 1, lengths, 0, 1, root);
        final int[] starts = Blocks.prefixSums(lengths);
        final byte[] bytes = new byte[Blocks.total(lengths)];
        comm.gatherv(mine, 0, mine.length, bytes, 0, lengths, starts, root);
        decode(bytes, starts, lengths, recv);
    }

    /**
     * MPI_Scatter(v) of objects.
     *
     * @param comm the communicator.
     * @param send at the root, the blocks to send; null elsewhere.
     * @param recv this rank's items.
     * @param root the root.
     */
    static void scatterv(final io.jmpi.Comm comm, final Blocks send, final Region recv, final int root)
    {
        final int[] length = new int[1];
        if (comm.rank() != root)
        {
            comm.scatter(null, 0, 1, length, 0, 1, root);
            final byte[] mine = new byte[length[0]];
            comm.scatterv(null, 0, null, null, mine, 0, mine.length, root);
            decode(mine, 0, mine.length, recv);
            return;
        }
        final byte[][] encoded = encode(send);
        final int[] lengths = lengths(encoded);
        final int[] starts = Blocks.prefixSums(lengths);
        comm.scatter(lengths, 0, 1, length, 0, 1, root);
        final byte[] mine = new byte[length[0]];
        comm.scatterv(concat(encoded, lengths, starts), 0, lengths, starts, mine, 0, mine.length, root);
        decode(mine, 0, mine.length, recv);
    }

    /**
     * MPI_Allgather(v) of objects.
     *
     * @param comm the communicator.
     * @param send this rank's items.
     * @param recv the blocks of every rank.
     */
    static void allgatherv(final io.jmpi.Comm comm, final Region send, final Blocks recv)
    {
        final byte[] mine = encode(send);
        final int[] lengths = new int[comm.size()];
        comm.allgather(new int[]{ mine.length }, 0, 1, lengths, 0, 1);
        final int[] starts = Blocks.prefixSums(lengths);
        final byte[] bytes = new byte[Blocks.total(lengths)];
        comm.allgatherv(mine, 0, mine.length, bytes, 0, lengths, starts);
        decode(bytes, starts, lengths, recv);
    }

    /**
     * MPI_Alltoall(v) of objects.
     *
     * @param comm the communicator.
     * @param send one block per destination.
     * @param recv one block per source.
     */
    static void alltoallv(final io.jmpi.Comm comm, final Blocks send, final Blocks recv)
    {
        final byte[][] encoded = encode(send);
        final int[] sendLengths = lengths(encoded);
        final int[] sendStarts = Blocks.prefixSums(sendLengths);
        final int[] recvLengths = new int[comm.size()];
        comm.alltoall(sendLengths, 0, 1, recvLengths, 0, 1);
        final int[] recvStarts = Blocks.prefixSums(recvLengths);
        final byte[] bytes = new byte[Blocks.total(recvLengths)];
        comm.alltoallv(concat(encoded, sendLengths, sendStarts), 0, sendLengths, sendStarts,
            bytes, 0, recvLengths, recvStarts);
        decode(bytes, recvStarts, recvLengths, recv);
    }

    /**
     * MPI_Reduce of objects with a user operation.
     *
     * @param comm     the communicator.
     * @param send     this rank's items.
     * @param recv     at the root, where the result goes; null elsewhere.
     * @param count    number of items.
     * @param op       a user operation.
     * @param itemType the type the user function sees.
     * @param root     the root.
     */
    static void reduce(
        final io.jmpi.Comm comm, final Region send, final Region recv, final int count, final Op op,
        final Datatype itemType, final int root)
    {
        checkUser(op);
        final Object[] all = comm.rank() == root ? new Object[comm.size() * send.elements] : null;
        gatherv(comm, send, null == all ? null : uniform(all, send.elements, comm.size()), root);
        if (null != all)
        {
            fold(all, send.elements, comm.size() - 1, count, op, itemType, recv);
        }
    }

    /**
     * MPI_Allreduce of objects with a user operation.
     *
     * @param comm     the communicator.
     * @param send     this rank's items.
     * @param recv     where the result goes.
     * @param count    number of items.
     * @param op       a user operation.
     * @param itemType the type the user function sees.
     */
    static void allreduce(
        final io.jmpi.Comm comm, final Region send, final Region recv, final int count, final Op op,
        final Datatype itemType)
    {
        checkUser(op);
        fold(allgather(comm, send), send.elements, comm.size() - 1, count, op, itemType, recv);
    }

    /**
     * MPI_Scan of objects with a user operation: rank i receives the reduction of ranks 0..i.
     *
     * @param comm     the communicator.
     * @param send     this rank's items.
     * @param recv     where the result goes.
     * @param count    number of items.
     * @param op       a user operation.
     * @param itemType the type the user function sees.
     */
    static void scan(
        final io.jmpi.Comm comm, final Region send, final Region recv, final int count, final Op op,
        final Datatype itemType)
    {
        checkUser(op);
        fold(allgather(comm, send), send.elements, comm.rank(), count, op, itemType, recv);
    }

    /**
     * MPI_Reduce_scatter of objects with a user operation.
     *
     * @param comm     the communicator.
     * @param send     this rank's items, as many as the counts add up to.
     * @param recv     where this rank's block of the result goes.
     * @param counts   items of the result each rank receives.
     * @param op       a user operation.
     * @param itemType the type the user function sees.
     */
    static void reduceScatter(
        final io.jmpi.Comm comm, final Region send, final Region recv, final int[] counts, final Op op,
        final Datatype itemType)
    {
        checkUser(op);
        final Object[] whole = new Object[send.elements];
        final Region result = Region.receive(whole, 0, send.elements, MPI.OBJECT);
        fold(allgather(comm, send), send.elements, comm.size() - 1, Blocks.total(counts), op, itemType, result);
        final int start = Blocks.prefixSums(counts)[comm.rank()] * itemType.size;
        System.arraycopy(whole, start, recv.array, recv.offset, recv.elements);
        recv.unpack();
    }

    private static Object[] allgather(final io.jmpi.Comm comm, final Region send)
    {
        final Object[] all = new Object[comm.size() * send.elements];
        allgatherv(comm, send, uniform(all, send.elements, comm.size()));
        return all;
    }

    /**
     * Combine the contributions of ranks 0..last into {@code result}: {@code x0 op (x1 op (... op x_last))}.
     */
    private static void fold(
        final Object[] contributions, final int elements, final int last, final int count, final Op op,
        final Datatype itemType, final Region result)
    {
        System.arraycopy(contributions, last * elements, result.array, result.offset, elements);
        for (int r = last - 1; r >= 0; r--)
        {
            op.call(contributions, r * elements, result.array, result.offset, count, itemType);
        }
        result.unpack();
    }

    private static Blocks uniform(final Object[] all, final int elements, final int size)
    {
        final int[] counts = new int[size];
        final int[] displacements = new int[size];
        for (int i = 0; i < size; i++)
        {
            counts[i] = elements;
            displacements[i] = i * elements;
        }
        return Blocks.receive(all, 0, counts, displacements, MPI.OBJECT, size);
    }

    private static void checkUser(final Op op)
    {
        if (null == op.function())
        {
            throw new MpiException(ErrorClass.ERR_OP, "predefined operations do not apply to OBJECT: use a user Op");
        }
    }

    private static byte[] encode(final Region region)
    {
        return ObjectCodec.encode((Object[])region.array, region.offset, region.elements);
    }

    private static byte[][] encode(final Blocks blocks)
    {
        final byte[][] encoded = new byte[blocks.counts.length][];
        for (int i = 0; i < encoded.length; i++)
        {
            encoded[i] = ObjectCodec.encode(
                (Object[])blocks.array, blocks.offset + blocks.displacements[i], blocks.counts[i]);
        }
        return encoded;
    }

    private static int[] lengths(final byte[][] encoded)
    {
        final int[] lengths = new int[encoded.length];
        for (int i = 0; i < encoded.length; i++)
        {
            lengths[i] = encoded[i].length;
        }
        return lengths;
    }

    private static byte[] concat(final byte[][] encoded, final int[] lengths, final int[] starts)
    {
        final byte[] bytes = new byte[Blocks.total(lengths)];
        for (int i = 0; i < encoded.length; i++)
        {
            System.arraycopy(encoded[i], 0, bytes, starts[i], lengths[i]);
        }
        return bytes;
    }

    private static void decode(final byte[] bytes, final int start, final int length, final Region region)
    {
        decode(bytes, start, length, (Object[])region.array, region.offset, region.elements);
        region.unpack();
    }

    private static void decode(final byte[] bytes, final int[] starts, final int[] lengths, final Blocks blocks)
    {
        for (int i = 0; i < lengths.length; i++)
        {
            decode(bytes, starts[i], lengths[i], (Object[])blocks.array, blocks.offset + blocks.displacements[i],
                blocks.counts[i]);
        }
        blocks.unpack();
    }

    private static void decode(
        final byte[] bytes, final int start, final int length, final Object[] objects, final int at,
        final int capacity)
    {
        final int count = ObjectCodec.decode(bytes, start, length, objects, at, capacity);
        if (count > capacity)
        {
            throw new MpiException(ErrorClass.ERR_TRUNCATE, count + " objects received where " + capacity + " fit");
        }
    }
}
