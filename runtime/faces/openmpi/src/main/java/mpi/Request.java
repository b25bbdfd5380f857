package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

import java.util.Arrays;

/**
 * A non-blocking operation (MPI_Request). A request that completes in a wait or a successful test becomes
 * inactive: it is then {@link #isNull()}, as in Open MPI (a persistent {@link Prequest} becomes inactive and can
 * be started again). An error of the operation goes to the error handler of its communicator.
 */
public class Request implements Freeable
{
    private static final io.jmpi.Request[] NONE = new io.jmpi.Request[0];

    /** The communicator whose error handler takes the operation's errors; null for REQUEST_NULL. */
    final Comm comm;
    /** True for a persistent request until it is freed: inactive, it is not MPI_REQUEST_NULL. */
    boolean persistent;
    private boolean active;
    /**
     * The runtime's request of an operation that has one, as most have; an operation made of several (or of
     * none) has {@link #parts} instead. Both stay after completion until {@link #lastStatus()} reads them, as
     * most waits never ask for the status; a request with neither has an empty status.
     */
    private io.jmpi.Request part;
    private io.jmpi.Request[] parts;
    private Runnable completion;
    private Status status;

    Request(final Comm comm, final io.jmpi.Request[] parts, final Runnable completion)
    {
        this.comm = comm;
        this.parts = parts;
        this.completion = completion;
        this.active = null != parts;
    }

    private Request(final Comm comm, final io.jmpi.Request part, final Runnable completion)
    {
        this.comm = comm;
        this.part = part;
        this.completion = completion;
        this.active = true;
    }

    static Request of(final Comm comm, final io.jmpi.Request part, final Region received)
    {
        return new Request(comm, part, null == received ? null : received::unpack);
    }

    static Request nullRequest()
    {
        return new Request(null, (io.jmpi.Request[])null, null);
    }

    /**
     * Let the request go (MPI_Request_free): the operation still completes, but can no longer be waited for.
     *
     * @throws MPIException never; declared as in Open MPI.
     */
    @Override
    public void free() throws MPIException
    {
        active = false;
        persistent = false;
        forget();
    }

    /**
     * Cancel a pending receive (MPI_Cancel); the request must still be completed. A send is not cancelled.
     *
     * @throws MPIException under ERRORS_RETURN: ERR_REQUEST for a non-blocking collective, which cannot be
     *                      cancelled.
     */
    public final void cancel() throws MPIException
    {
        if (active)
        {
            try
            {
                for (int i = 0; i < partCount(); i++)
                {
                    part(i).cancel();
                }
            }
            catch (final MpiException ex)
            {
                throw comm.raise("cancel", ex);
            }
        }
    }

    /**
     * @return true if the request is MPI_REQUEST_NULL or inactive.
     */
    public final boolean isNull()
    {
        return !active && !persistent;
    }

    /**
     * Block until the operation completes (MPI_Wait); the request becomes inactive.
     *
     * @return the status of the operation; an empty status for an inactive request.
     * @throws MPIException the operation's error, under ERRORS_RETURN.
     */
    public final Status waitStatus() throws MPIException
    {
        waitFor();
        return lastStatus();
    }

    /**
     * Block until the operation completes (MPI_Wait); the request becomes inactive.
     *
     * @throws MPIException the operation's error, under ERRORS_RETURN.
     */
    public final void waitFor() throws MPIException
    {
        if (!active)
        {
            forget();
            return;
        }
        try
        {
            if (null != part)
            {
                part.waitFor();
            }
            else
            {
                io.jmpi.Request.waitAll(parts);
            }
        }
        catch (final MpiException ex)
        {
            finish();
            throw comm.raise("waitFor", ex);
        }
        finish();
    }

    /**
     * MPI_Test: if the operation is complete, the request becomes inactive.
     *
     * @return the status if complete, else null.
     * @throws MPIException the operation's error, under ERRORS_RETURN.
     */
    public final Status testStatus() throws MPIException
    {
        return test() ? lastStatus() : null;
    }

    /**
     * MPI_Test: if the operation is complete, the request becomes inactive.
     *
     * @return true if it is complete (always for an inactive request).
     * @throws MPIException the operation's error, under ERRORS_RETURN.
     */
    public final boolean test() throws MPIException
    {
        if (!active)
        {
            forget();
            return true;
        }
        try
        {
            if (!testParts())
            {
                return false;
            }
        }
        catch (final MpiException ex)
        {
            finish();
            throw comm.raise("test", ex);
        }
        finish();
        return true;
    }

    /**
     * MPI_Request_get_status: whether the operation is complete, without making the request inactive.
     *
     * @return the status if complete, else null.
     * @throws MPIException the operation's error, under ERRORS_RETURN.
     */
    public final Status getStatus() throws MPIException
    {
        if (!active)
        {
            return emptyStatus();
        }
        try
        {
            return testParts() ? statusOfParts() : null;
        }
        catch (final MpiException ex)
        {
            throw comm.raise("getStatus", ex);
        }
    }

    /**
     * MPI_Waitany: block until one active request completes; it becomes inactive.
     *
     * @param requests the requests.
     * @return its index, or {@link MPI#UNDEFINED} if none is active.
     * @throws MPIException the operation's error, under ERRORS_RETURN.
     */
    public static int waitAny(final Request[] requests) throws MPIException
    {
        final Status status = waitAnyStatus(requests);
        return status.getIndex();
    }

    /**
     * MPI_Waitany: block until one active request completes; it becomes inactive.
     *
     * @param requests the requests.
     * @return its status, whose {@link Status#getIndex()} is its index ({@link MPI#UNDEFINED} if none is active).
     * @throws MPIException the operation's error, under ERRORS_RETURN.
     */
    public static Status waitAnyStatus(final Request[] requests) throws MPIException
    {
        while (true)
        {
            final Status status = testAnyStatus(requests);
            if (null != status)
            {
                return status;
            }
            awaitAnyPart(requests);
        }
    }

    /**
     * MPI_Testany: if an active request is complete, it becomes inactive.
     *
     * @param requests the requests.
     * @return its index, {@link MPI#UNDEFINED} if none is complete or none is active.
     * @throws MPIException the operation's error, under ERRORS_RETURN.
     */
    public static int testAny(final Request[] requests) throws MPIException
    {
        final Status status = testAnyStatus(requests);
        return null == status ? MPI.UNDEFINED : status.getIndex();
    }

    /**
     * MPI_Testany: if an active request is complete, it becomes inactive.
     *
     * @param requests the requests.
     * @return its status with its index; an empty status with index UNDEFINED if none is active; null if none
     * is complete.
     * @throws MPIException the operation's error, under ERRORS_RETURN.
     */
    public static Status testAnyStatus(final Request[] requests) throws MPIException
    {
        boolean active = false;
        for (int i = 0; i < requests.length; i++)
        {
            final Request request = requests[i];
            if (null != request && request.active)
            {
                active = true;
                if (request.test())
                {
                    return request.lastStatus().withIndex(i);
                }
            }
        }
        return active ? null : emptyStatus();
    }

    /**
     * MPI_Waitall: block until every request completes; all become inactive.
     *
     * @param requests the requests.
     * @throws MPIException the first error, under ERRORS_RETURN, once all have completed.
     */
    public static void waitAll(final Request[] requests) throws MPIException
    {
        awaitAll(requests);
    }

    /**
     * MPI_Waitall: block until every request completes; all become inactive.
     *
     * @param requests the requests.
     * @return their statuses, in order; empty statuses for requests that were inactive.
     * @throws MPIException the first error, under ERRORS_RETURN, once all have completed.
     */
    public static Status[] waitAllStatus(final Request[] requests) throws MPIException
    {
        awaitAll(requests);
        final Status[] statuses = new Status[requests.length];
        for (int i = 0; i < requests.length; i++)
        {
            statuses[i] = null == requests[i] ? emptyStatus() : requests[i].lastStatus();
        }
        return statuses;
    }

    /**
     * Wait for the runtime operations of all the requests in one runtime waitAll, which notes the blocking call
     * once rather than once per request, then make every request inactive.
     */
    private static void awaitAll(final Request[] requests) throws MPIException
    {
        int total = 0;
        for (final Request request : requests)
        {
            if (null != request && request.active)
            {
                total += request.partCount();
            }
        }
        final io.jmpi.Request[] all = new io.jmpi.Request[total];
        int next = 0;
        Comm owner = null;
        for (final Request request : requests)
        {
            if (null != request && request.active)
            {
                owner = null == owner ? request.comm : owner;
                for (int i = 0; i < request.partCount(); i++)
                {
                    all[next++] = request.part(i);
                }
            }
        }
        MpiException error = null;
        try
        {
            io.jmpi.Request.waitAll(all);
        }
        catch (final MpiException ex)
        {
            error = ex;
        }
        Comm failed = null;
        for (final Request request : requests)
        {
            if (null != request)
            {
                if (null != error && null == failed && request.active && request.failed())
                {
                    failed = request.comm;
                }
                if (request.active)
                {
                    request.finish();
                }
                else
                {
                    request.forget();
                }
            }
        }
        if (null != error)
        {
            throw (null == failed ? owner : failed).raise("waitAll", error);
        }
    }

    /** @return true if one of the request's completed runtime operations ended with an error. */
    private boolean failed()
    {
        for (int i = 0; i < partCount(); i++)
        {
            if (ErrorClass.SUCCESS != part(i).status().error())
            {
                return true;
            }
        }
        return false;
    }

    /**
     * MPI_Testall: if every request is complete, all become inactive.
     *
     * @param requests the requests.
     * @return true if all are complete.
     * @throws MPIException an operation's error, under ERRORS_RETURN.
     */
    public static boolean testAll(final Request[] requests) throws MPIException
    {
        return null != testAllStatus(requests);
    }

    /**
     * MPI_Testall: if every request is complete, all become inactive.
     *
     * @param requests the requests.
     * @return their statuses if all are complete, else null (and none becomes inactive).
     * @throws MPIException an operation's error, under ERRORS_RETURN.
     */
    public static Status[] testAllStatus(final Request[] requests) throws MPIException
    {
        for (final Request request : requests)
        {
            if (null != request && request.active && null == request.getStatus())
            {
                return null;
            }
        }
        return waitAllStatus(requests);
    }

    /**
     * MPI_Waitsome: block until at least one active request completes; those complete become inactive.
     *
     * @param requests the requests.
     * @return the indices of the completed requests, or null if none is active (MPI_UNDEFINED).
     * @throws MPIException an operation's error, under ERRORS_RETURN.
     */
    public static int[] waitSome(final Request[] requests) throws MPIException
    {
        return indices(waitSomeStatus(requests));
    }

    /**
     * MPI_Waitsome: block until at least one active request completes; those complete become inactive.
     *
     * @param requests the requests.
     * @return the statuses of the completed requests with their indices, or null if none is active.
     * @throws MPIException an operation's error, under ERRORS_RETURN.
     */
    public static Status[] waitSomeStatus(final Request[] requests) throws MPIException
    {
        while (true)
        {
            final Status[] done = testSomeStatus(requests);
            if (null == done || done.length > 0)
            {
                return done;
            }
            awaitAnyPart(requests);
        }
    }

    /**
     * MPI_Testsome: the active requests that are complete become inactive.
     *
     * @param requests the requests.
     * @return their indices, possibly none, or null if none is active.
     * @throws MPIException an operation's error, under ERRORS_RETURN.
     */
    public static int[] testSome(final Request[] requests) throws MPIException
    {
        return indices(testSomeStatus(requests));
    }

    /**
     * MPI_Testsome: the active requests that are complete become inactive.
     *
     * @param requests the requests.
     * @return their statuses with their indices, possibly none, or null if none is active.
     * @throws MPIException an operation's error, under ERRORS_RETURN.
     */
    public static Status[] testSomeStatus(final Request[] requests) throws MPIException
    {
        final Status[] done = new Status[requests.length];
        int count = 0;
        boolean active = false;
        for (int i = 0; i < requests.length; i++)
        {
            final Request request = requests[i];
            if (null != request && request.active)
            {
                active = true;
                if (request.test())
                {
                    done[count++] = request.lastStatus().withIndex(i);
                }
            }
        }
        return active ? Arrays.copyOf(done, count) : null;
    }

    /**
     * Block, with the runtime's idle strategy, until some runtime request of the active requests completes.
     */
    private static void awaitAnyPart(final Request[] requests) throws MPIException
    {
        final java.util.List<io.jmpi.Request> pending = new java.util.ArrayList<>();
        Comm owner = null;
        for (final Request request : requests)
        {
            if (null != request && request.active)
            {
                owner = request.comm;
                for (int i = 0; i < request.partCount(); i++)
                {
                    if (!request.part(i).isComplete())
                    {
                        pending.add(request.part(i));
                    }
                }
            }
        }
        if (pending.isEmpty())
        {
            return;
        }
        try
        {
            io.jmpi.Request.waitAny(pending.toArray(new io.jmpi.Request[0]));
        }
        catch (final MpiException ex)
        {
            throw owner.raise("waitAny", ex);
        }
    }

    /**
     * Make the request inactive after its operation completed: unpack what it received; its status is read from
     * the runtime's requests when first asked.
     */
    void finish()
    {
        final Runnable received = completion;
        active = false;
        status = null;
        completion = null;
        if (null != received)
        {
            received.run();
        }
    }

    /** An inactive request waited for or tested again: its status is the empty one from now on. */
    private void forget()
    {
        status = null;
        part = null;
        parts = null;
    }

    /**
     * @return true while the request has been started and not yet completed (or freed).
     */
    final boolean isActive()
    {
        return active;
    }

    /**
     * Make an inactive persistent request active with the runtime's request of its operation.
     */
    final void restart(final io.jmpi.Request started, final Runnable onCompletion)
    {
        part = started;
        parts = null;
        completion = onCompletion;
        active = true;
    }

    /** @return how many runtime requests the operation has (while {@link #part} or {@link #parts} holds them). */
    private int partCount()
    {
        return null != part ? 1 : parts.length;
    }

    private io.jmpi.Request part(final int index)
    {
        return null != part ? part : parts[index];
    }

    private boolean testParts()
    {
        return null != part ? part.test() : io.jmpi.Request.testAll(parts);
    }

    private Status lastStatus()
    {
        if (null == status && (null != part || null != parts))
        {
            status = statusOfParts();
            part = null;
            parts = null;
        }
        return null == status ? emptyStatus() : status;
    }

    private Status statusOfParts()
    {
        return 0 == partCount() ? emptyStatus() : Status.of(part(0).status());
    }

    static Status emptyStatus()
    {
        return new Status(MPI.ANY_SOURCE, MPI.ANY_TAG, MPI.SUCCESS, 0, false);
    }

    static io.jmpi.Request[] none()
    {
        return NONE;
    }

    private static int[] indices(final Status[] statuses)
    {
        if (null == statuses)
        {
            return null;
        }
        final int[] indices = new int[statuses.length];
        for (int i = 0; i < statuses.length; i++)
        {
            indices[i] = statuses[i].getIndex();
        }
        return indices;
    }
}
