package io.jmpi;

import io.jmpi.engine.Operation;
import io.jmpi.engine.RecvOp;

import java.util.Arrays;

/**
 * A non-blocking operation in flight (MPI_Request). Complete it with {@link #waitFor()} or {@link #test()}, or
 * the collective forms {@link #waitAll}, {@link #waitAny}, {@link #waitSome}, {@link #testAll}, {@link #testAny}.
 * After completion the request keeps its status; waiting again returns it at once.
 */
public final class Request
{
    private final Comm comm;
    private final Operation op;
    private final Datatype datatype;
    private final Status status = new Status();
    private boolean finished;

    Request(final Comm comm, final Operation op, final Datatype datatype)
    {
        this.comm = comm;
        this.op = op;
        this.datatype = datatype;
    }

    static Request completedNull(final Comm comm, final Datatype datatype)
    {
        final Request request = new Request(comm, null, datatype);
        request.status.set(Mpi.PROC_NULL, Mpi.ANY_TAG, 0, ErrorClass.SUCCESS, datatype);
        request.finished = true;
        return request;
    }

    /**
     * Block until the operation completes (MPI_Wait).
     *
     * @return the status: for a receive, what arrived; for a send, its error and cancellation only.
     * @throws MpiException the operation's error, such as ERR_TRUNCATE for a receive too small.
     */
    public Status waitFor()
    {
        try
        {
            if (!finished)
            {
                if (op instanceof CollectiveSchedule)
                {
                    awaitCollective();
                }
                else
                {
                    comm.await(comm.mpi().threadState(), op, "wait", op.peer(), op.tag());
                }
                finish();
            }
            return status;
        }
        catch (final MpiException ex)
        {
            throw comm.failed("wait", ex);
        }
    }

    private void awaitCollective()
    {
        final ThreadState state = comm.mpi().threadState();
        state.block("wait", this);
        try
        {
            comm.engine().await(op, state.idle);
        }
        finally
        {
            state.unblock();
        }
    }

    /**
     * Make progress and tell whether the operation has completed (MPI_Test).
     *
     * @return true if complete; {@link #status()} then describes it.
     * @throws MpiException the operation's error, once, when it completes with one.
     */
    public boolean test()
    {
        return test("test");
    }

    private boolean test(final String call)
    {
        try
        {
            if (!finished)
            {
                if (!op.isComplete())
                {
                    comm.engine().progress();
                }
                if (!op.isComplete())
                {
                    return false;
                }
                finish();
            }
            return true;
        }
        catch (final MpiException ex)
        {
            throw comm.failed(call, ex);
        }
    }

    /**
     * @return true if the operation has completed, without making progress.
     */
    public boolean isComplete()
    {
        return finished || op.isComplete();
    }

    /**
     * @return the status of the completed operation; meaningful once {@link #test()} or {@link #waitFor()} has
     * reported completion.
     */
    public Status status()
    {
        return status;
    }

    /**
     * Cancel a pending receive (MPI_Cancel). A receive that has not matched a message yet completes at once with
     * {@link Status#isCancelled()} true; one that has matched completes normally. Sends are not cancelled (MPI-4
     * deprecates it; a send here is usually delivered already, as in MPICH): for a send this returns false.
     *
     * @return true if the receive was cancelled.
     * @throws MpiException ERR_REQUEST for the request of a nonblocking collective, which MPI-3.1 (section 5.12)
     *                      forbids cancelling.
     */
    public boolean cancel()
    {
        if (op instanceof CollectiveSchedule)
        {
            throw comm.failed("cancel", new MpiException(ErrorClass.ERR_REQUEST, "the request of " +
                (finished ? "a nonblocking collective" : ((CollectiveSchedule)op).describe()) +
                " cannot be cancelled: MPI forbids cancelling collective requests"));
        }
        if (finished || !(op instanceof RecvOp))
        {
            return false;
        }
        return comm.engine().cancel((RecvOp)op);
    }

    /**
     * Wait for every request (MPI_Waitall). All complete even if some fail; then the first error is thrown.
     *
     * @param requests the requests; null entries (MPI_REQUEST_NULL) are skipped.
     * @return the statuses, in the order of the requests (null for null entries).
     */
    public static Status[] waitAll(final Request... requests)
    {
        final Status[] statuses = new Status[requests.length];
        MpiException first = null;
        Request failedRequest = null;
        final ThreadState state = threadState(requests);
        if (null != state)
        {
            state.block("waitAll", requests);
        }
        try
        {
            for (int i = 0; i < requests.length; i++)
            {
                if (null != requests[i])
                {
                    try
                    {
                        statuses[i] = requests[i].await(state);
                    }
                    catch (final MpiException ex)
                    {
                        statuses[i] = requests[i].status;
                        if (null == first)
                        {
                            first = ex;
                            failedRequest = requests[i];
                        }
                    }
                }
            }
        }
        finally
        {
            if (null != state)
            {
                state.unblock();
            }
        }
        if (null != first)
        {
            throw failedRequest.comm.failed("waitAll", first);
        }
        return statuses;
    }

    /**
     * Wait until any one request completes (MPI_Waitany).
     *
     * @param requests the requests; null entries are skipped.
     * @return the index of a completed request, or {@link Status#UNDEFINED} if every entry is null; a request that
     * had completed and been reported before counts as complete again.
     */
    public static int waitAny(final Request... requests)
    {
        return waitAny("waitAny", requests);
    }

    /**
     * Wait until at least one request completes, and report every one complete by then (MPI_Waitsome).
     *
     * @param requests the requests; null entries are skipped.
     * @return the indices of completed requests, empty if every entry is null.
     */
    public static int[] waitSome(final Request... requests)
    {
        if (Status.UNDEFINED == waitAny("waitSome", requests))
        {
            return new int[0];
        }
        return testSome("waitSome", requests);
    }

    private static int waitAny(final String call, final Request[] requests)
    {
        final ThreadState state = threadState(requests);
        if (null == state)
        {
            return Status.UNDEFINED;
        }
        state.idle.reset();
        state.block(call, requests);
        try
        {
            int index;
            while ((index = testAny(call, requests)) < 0)
            {
                state.idle.idle(0);
            }
            return index;
        }
        finally
        {
            state.unblock();
        }
    }

    /**
     * @return the calling thread's state, or null if every request is null.
     */
    private static ThreadState threadState(final Request[] requests)
    {
        for (final Request request : requests)
        {
            if (null != request)
            {
                return request.comm.mpi().threadState();
            }
        }
        return null;
    }

    /**
     * Wait for the operation without noting it as the thread's blocking call: the caller has noted what it waits
     * in.
     */
    private Status await(final ThreadState state)
    {
        if (!finished)
        {
            comm.engine().await(op, state.idle);
            finish();
        }
        return status;
    }

    /**
     * @return the operation as the report of blocked calls shows it, e.g. {@code recv(source=1, tag=7, comm=WORLD)}.
     */
    String describe()
    {
        if (op instanceof CollectiveSchedule)
        {
            return ((CollectiveSchedule)op).describe();
        }
        final boolean receive = op instanceof RecvOp;
        final int peer = RecvOp.ANY_SOURCE == op.peer() ? Mpi.ANY_SOURCE : comm.commRankOf(op.peer());
        return ThreadState.describe(receive ? "recv" : "send", receive, peer, op.tag(), comm);
    }

    /**
     * Test every request (MPI_Testall).
     *
     * @param requests the requests; null entries are skipped.
     * @return true if all are complete.
     */
    public static boolean testAll(final Request... requests)
    {
        boolean all = true;
        for (final Request request : requests)
        {
            if (null != request && !request.test("testAll"))
            {
                all = false;
            }
        }
        return all;
    }

    /**
     * Test the requests in order until one is complete (MPI_Testany).
     *
     * @param requests the requests; null entries are skipped.
     * @return the index of a completed request, or -1 if none is complete.
     */
    public static int testAny(final Request... requests)
    {
        return testAny("testAny", requests);
    }

    private static int testAny(final String call, final Request[] requests)
    {
        for (int i = 0; i < requests.length; i++)
        {
            if (null != requests[i] && requests[i].test(call))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * Test every request and report those complete (MPI_Testsome).
     *
     * @param requests the requests; null entries are skipped.
     * @return the indices of complete requests, possibly empty.
     */
    public static int[] testSome(final Request... requests)
    {
        return testSome("testSome", requests);
    }

    private static int[] testSome(final String call, final Request[] requests)
    {
        int count = 0;
        final int[] indices = new int[requests.length];
        for (int i = 0; i < requests.length; i++)
        {
            if (null != requests[i] && requests[i].test(call))
            {
                indices[count++] = i;
            }
        }
        return Arrays.copyOf(indices, count);
    }

    private void finish()
    {
        finished = true;
        if (op instanceof RecvOp)
        {
            comm.completeRecv((RecvOp)op, datatype, status);
        }
        else if (op instanceof CollectiveSchedule)
        {
            ((CollectiveSchedule)op).conclude(status);
        }
        else
        {
            status.set(Mpi.PROC_NULL, Mpi.ANY_TAG, 0, ErrorClass.of(op.error()), datatype);
            Comm.throwIfFailed(op, "send");
        }
    }
}
