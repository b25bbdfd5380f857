package io.jmpi;

import io.jmpi.spi.Collectives;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;

/**
 * The collectives of an intercommunicator, with MPI's semantics between two groups, built as Open MPI's coll/inter
 * builds them: each group works on its private intracommunicator with the collectives provider, and the two
 * leaders (rank 0 of each group) trade the groups' parts on the intercommunicator's collective context.
 * <p>
 * A rooted call names the root as MPI has it: the root passes {@link Mpi#ROOT}, the rest of its group
 * {@link Mpi#PROC_NULL}, and the other group the root's rank. Results come from the other group: allreduce gives
 * each group the reduction of the other's contributions, allgather the other's blocks. MPI defines the v-forms,
 * reduce-scatter and all-to-all-v on intercommunicators too; jmpi does not have them yet and says so. Scans are
 * not defined on intercommunicators.
 */
final class InterCollectives implements Collectives
{
    private static final int TAG = 1;

    private final Comm inter;
    private final Comm channel;
    private final Comm local;

    /**
     * @param inter   the intercommunicator.
     * @param channel its collective context, addressing the other group.
     * @param local   the private intracommunicator of this group.
     */
    InterCollectives(final Comm inter, final Comm channel, final Comm local)
    {
        this.inter = inter;
        this.channel = channel;
        this.local = local;
    }

    @Override
    public void barrier()
    {
        local.barrier();
        if (0 == local.rank())
        {
            channel.sendrecv(new byte[0], 0, 0, 0, TAG, new byte[0], 0, 0, 0, TAG, new Status());
        }
        local.barrier();
    }

    @Override
    public void bcast(final Object buffer, final int offset, final int count, final int root)
    {
        if (Mpi.ROOT == root)
        {
            channel.send(buffer, offset, count, 0, TAG);
        }
        else if (Mpi.PROC_NULL != root)
        {
            if (0 == local.rank())
            {
                channel.recv(buffer, offset, count, root, TAG);
            }
            local.bcast(buffer, offset, count, 0);
        }
    }

    @Override
    public void reduce(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Op op, final int root)
    {
        if (Mpi.ROOT == root)
        {
            channel.recv(recvBuffer, recvOffset, count, 0, TAG);
        }
        else if (Mpi.PROC_NULL != root)
        {
            final Object reduced = like(sendBuffer, count);
            local.reduce(sendBuffer, sendOffset, reduced, 0, count, op, 0);
            if (0 == local.rank())
            {
                channel.send(reduced, 0, count, root, TAG);
            }
        }
    }

    @Override
    public void allreduce(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Op op)
    {
        final Object reduced = like(sendBuffer, count);
        local.reduce(sendBuffer, sendOffset, reduced, 0, count, op, 0);
        if (0 == local.rank())
        {
            channel.sendrecv(reduced, 0, count, 0, TAG, recvBuffer, recvOffset, count, 0, TAG, new Status());
        }
        local.bcast(recvBuffer, recvOffset, count, 0);
    }

    @Override
    public void gather(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int root)
    {
        if (Mpi.ROOT == root)
        {
            channel.recv(recvBuffer, recvOffset, recvCount * inter.remoteSize(), 0, TAG);
        }
        else if (Mpi.PROC_NULL != root)
        {
            final Object gathered = like(sendBuffer, sendCount * local.size());
            local.gather(sendBuffer, sendOffset, sendCount, gathered, 0, sendCount, 0);
            if (0 == local.rank())
            {
                channel.send(gathered, 0, sendCount * local.size(), root, TAG);
            }
        }
    }

    @Override
    public void gatherv(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] displacements,
        final int root)
    {
        throw notYet("gatherv");
    }

    @Override
    public void scatter(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int root)
    {
        if (Mpi.ROOT == root)
        {
            channel.send(sendBuffer, sendOffset, sendCount * inter.remoteSize(), 0, TAG);
        }
        else if (Mpi.PROC_NULL != root)
        {
            final Object all = like(recvBuffer, recvCount * local.size());
            if (0 == local.rank())
            {
                channel.recv(all, 0, recvCount * local.size(), root, TAG);
            }
            local.scatter(all, 0, recvCount, recvBuffer, recvOffset, recvCount, 0);
        }
    }

    @Override
    public void scatterv(
        final Object sendBuffer, final int sendOffset, final int[] sendCounts, final int[] displacements,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int root)
    {
        throw notYet("scatterv");
    }

    @Override
    public void allgather(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount)
    {
        final Object gathered = like(sendBuffer, sendCount * local.size());
        local.gather(sendBuffer, sendOffset, sendCount, gathered, 0, sendCount, 0);
        final int remoteCount = recvCount * inter.remoteSize();
        if (0 == local.rank())
        {
            channel.sendrecv(gathered, 0, sendCount * local.size(), 0, TAG, recvBuffer, recvOffset, remoteCount, 0,
                TAG, new Status());
        }
        local.bcast(recvBuffer, recvOffset, remoteCount, 0);
    }

    @Override
    public void allgatherv(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] displacements)
    {
        throw notYet("allgatherv");
    }

    @Override
    public void alltoall(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount)
    {
        final int remote = inter.remoteSize();
        final Request[] requests = new Request[2 * remote];
        for (int r = 0; r < remote; r++)
        {
            requests[r] = channel.irecv(recvBuffer, recvOffset + r * recvCount, recvCount, r, TAG);
        }
        for (int r = 0; r < remote; r++)
        {
            requests[remote + r] = channel.isend(sendBuffer, sendOffset + r * sendCount, sendCount, r, TAG);
        }
        Request.waitAll(requests);
    }

    @Override
    public void alltoallv(
        final Object sendBuffer, final int sendOffset, final int[] sendCounts, final int[] sendDisplacements,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] recvDisplacements)
    {
        throw notYet("alltoallv");
    }

    @Override
    public void reduceScatter(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int[] recvCounts, final Op op)
    {
        throw notYet("reduceScatter");
    }

    @Override
    public void scan(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Op op)
    {
        throw undefined("scan");
    }

    @Override
    public void exscan(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Op op)
    {
        throw undefined("exscan");
    }

    @Override
    public void close()
    {
        // the intercommunicator frees its group's private communicator itself, with or without collectives
    }

    private MpiException notYet(final String call)
    {
        return new MpiException(ErrorClass.ERR_COMM, call + " on an intercommunicator (" + inter + ") is not " +
            "supported by jmpi yet");
    }

    private MpiException undefined(final String call)
    {
        return new MpiException(ErrorClass.ERR_COMM, call + " is not defined on an intercommunicator (" + inter + ")");
    }

    /**
     * @return a scratch buffer of the same kind as the given one, of {@code count} elements (bytes for the
     * byte-addressed kinds).
     */
    private static Object like(final Object buffer, final int count)
    {
        if (buffer instanceof ByteBuffer)
        {
            return ByteBuffer.allocate(count);
        }
        if (buffer instanceof DirectBuffer)
        {
            return new UnsafeBuffer(new byte[count]);
        }
        if (null != buffer && buffer.getClass().isArray())
        {
            return Array.newInstance(buffer.getClass().getComponentType(), count);
        }
        throw new MpiException(ErrorClass.ERR_BUFFER, "buffer is " + (null == buffer ? "null" :
            "a " + buffer.getClass().getName() + ", not an array, ByteBuffer or DirectBuffer"));
    }
}
