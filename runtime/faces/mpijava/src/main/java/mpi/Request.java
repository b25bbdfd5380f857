package mpi;

import io.jmpi.MpiException;
import org.agrona.concurrent.IdleStrategy;

import java.util.Arrays;

/**
 * A non-blocking operation (MPI_Request), from {@code Isend}, {@code Irecv} and the other {@code I} calls.
 * <p>
 * As in MPI, a request is active until it completes in {@link #Wait()}, {@link #Test()} or one of the array
 * forms; it is then null ({@link #Is_null()} is true) and waiting on it again returns an empty status at once. A
 * {@link Prequest} becomes inactive instead, ready to be started again.
 */
public class Request
{
    private Pending pending;

    Request(final Pending pending)
    {
        this.pending = pending;
    }

    /**
     * MPI_Wait: block until the operation completes.
     *
     * @return its status: for a receive, source, tag and count of the message; an empty status if the request
     * is not active.
     * @throws MPIException the operation's error, such as ERR_TRUNCATE for a receive buffer too small.
     */
    public Status Wait() throws MPIException
    {
        final Pending active = pending;
        return null == active ? new Status() : finish(active, true);
    }

    /**
     * MPI_Test: make progress and tell whether the operation has completed.
     *
     * @return its status if it has completed (an empty status if the request is not active), else null.
     * @throws MPIException the operation's error, when it completes with one.
     */
    public Status Test() throws MPIException
    {
        final Pending active = pending;
        return null == active ? new Status() : finish(active, false);
    }

    /**
     * MPI_Cancel: cancel a receive that has not matched a message yet. The request must still be completed with
     * {@link #Wait()} or {@link #Test()}, whose status then reports {@link Status#Test_cancelled()}. Sends are not
     * cancelled (as in MPICH for a send already delivered): their requests complete normally.
     */
    public void Cancel() throws MPIException
    {
        final Pending active = pending;
        if (null != active)
        {
            try
            {
                active.cancel();
            }
            catch (final MpiException ex)
            {
                throw MPIException.of(ex);
            }
        }
    }

    /**
     * MPI_Request_free: drop the request. An operation in flight still completes, but cannot be waited for.
     */
    public void Free() throws MPIException
    {
        pending = null;
    }

    /**
     * @return true if the request is null: completed, freed, or never active (MPI_REQUEST_NULL).
     */
    public boolean Is_null() throws MPIException
    {
        return null == pending;
    }

    /**
     * MPI_Waitall: wait for every active request. All complete even if some fail; then the first error is thrown.
     *
     * @param array_of_requests the requests; null and inactive entries are skipped.
     * @return the statuses, in the order of the requests: an empty status for an inactive request, null for a
     * null entry.
     * @throws MPIException the first error of the operations.
     */
    public static Status[] Waitall(final Request[] array_of_requests) throws MPIException
    {
        final Status[] statuses = new Status[array_of_requests.length];
        MPIException first = null;
        for (int i = 0; i < array_of_requests.length; i++)
        {
            if (null != array_of_requests[i])
            {
                try
                {
                    statuses[i] = array_of_requests[i].Wait();
                }
                catch (final MPIException ex)
                {
                    first = null == first ? ex : first;
                }
            }
        }
        if (null != first)
        {
            throw first;
        }
        return statuses;
    }

    /**
     * MPI_Waitany: wait until one active request completes.
     *
     * @param array_of_requests the requests; null and inactive entries are skipped.
     * @return the status of the completed request, its {@link Status#index} its position in the array; if no
     * request is active, an empty status with index {@link MPI#UNDEFINED}.
     * @throws MPIException the error of the completed operation.
     */
    public static Status Waitany(final Request[] array_of_requests) throws MPIException
    {
        final IdleStrategy idle = Pending.idle();
        Status status;
        while (null == (status = Testany(array_of_requests)))
        {
            idle.idle();
        }
        return status;
    }

    /**
     * MPI_Waitsome: wait until at least one active request completes, and complete every one done by then.
     *
     * @param array_of_requests the requests; null and inactive entries are skipped.
     * @return the statuses of the completed requests, each with its {@link Status#index}; empty if no request is
     * active.
     * @throws MPIException the error of a completed operation.
     */
    public static Status[] Waitsome(final Request[] array_of_requests) throws MPIException
    {
        final IdleStrategy idle = Pending.idle();
        Status[] statuses;
        while (0 == (statuses = Testsome(array_of_requests)).length && anyActive(array_of_requests))
        {
            idle.idle();
        }
        return statuses;
    }

    /**
     * MPI_Testall: complete every request if all active ones are complete; otherwise change none.
     *
     * @param array_of_requests the requests; null and inactive entries are skipped.
     * @return the statuses as {@link #Waitall} returns them, or null if some operation is not complete.
     * @throws MPIException the first error of the operations.
     */
    public static Status[] Testall(final Request[] array_of_requests) throws MPIException
    {
        for (final Request request : array_of_requests)
        {
            if (null != request && null != request.pending && !request.ready())
            {
                return null;
            }
        }
        return Waitall(array_of_requests);
    }

    /**
     * MPI_Testany: complete the first active request found complete, if any.
     *
     * @param array_of_requests the requests; null and inactive entries are skipped.
     * @return its status, with its {@link Status#index}; null if none is complete; an empty status with index
     * {@link MPI#UNDEFINED} if no request is active.
     * @throws MPIException the error of the completed operation.
     */
    public static Status Testany(final Request[] array_of_requests) throws MPIException
    {
        for (int i = 0; i < array_of_requests.length; i++)
        {
            final Request request = array_of_requests[i];
            if (null != request && null != request.pending)
            {
                final Status status = request.Test();
                if (null != status)
                {
                    status.index = i;
                    return status;
                }
            }
        }
        return anyActive(array_of_requests) ? null : new Status();
    }

    /**
     * MPI_Testsome: complete every active request found complete.
     *
     * @param array_of_requests the requests; null and inactive entries are skipped.
     * @return the statuses of the completed requests, each with its {@link Status#index}; possibly empty.
     * @throws MPIException the error of a completed operation.
     */
    public static Status[] Testsome(final Request[] array_of_requests) throws MPIException
    {
        final Status[] done = new Status[array_of_requests.length];
        int count = 0;
        for (int i = 0; i < array_of_requests.length; i++)
        {
            final Request request = array_of_requests[i];
            if (null != request && null != request.pending)
            {
                final Status status = request.Test();
                if (null != status)
                {
                    status.index = i;
                    done[count++] = status;
                }
            }
        }
        return Arrays.copyOf(done, count);
    }

    /**
     * Make the request active with a new operation (for {@link Prequest#Start()}).
     *
     * @param operation the operation just started.
     */
    void activate(final Pending operation)
    {
        pending = operation;
    }

    /**
     * @return true if the request has an operation that has not been completed by Wait or Test.
     */
    boolean isActive()
    {
        return null != pending;
    }

    private boolean ready() throws MPIException
    {
        try
        {
            return pending.ready();
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    private Status finish(final Pending active, final boolean block) throws MPIException
    {
        final Status status;
        try
        {
            status = active.poll(block);
        }
        catch (final MpiException ex)
        {
            pending = null;
            throw MPIException.of(ex);
        }
        if (null != status)
        {
            pending = null;
        }
        return status;
    }

    private static boolean anyActive(final Request[] requests)
    {
        for (final Request request : requests)
        {
            if (null != request && null != request.pending)
            {
                return true;
            }
        }
        return false;
    }
}
