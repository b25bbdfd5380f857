package io.jmpi;

import io.jmpi.engine.Operation;
import io.jmpi.engine.RecvOp;

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
        if (!finished)
        {
            comm.engine().await(op, comm.mpi().threadState().idle);
            finish();
        }
        return status;
    }

    /**
     * Make progress and tell whether the operation has completed (MPI_Test).
     *
     * @return true if complete; {@link #status()} then describes it.
     * @throws MpiException the operation's error, once, when it completes with one.
     */
    public boolean test()
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

    private void finish()
    {
        finished = true;
        if (op instanceof RecvOp)
        {
            comm.completeRecv((RecvOp)op, datatype, status);
        }
        else
        {
            status.set(Mpi.PROC_NULL, Mpi.ANY_TAG, 0, ErrorClass.of(op.error()), datatype);
            Comm.throwIfFailed(op, "send");
        }
    }
}
