package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

/**
 * A persistent request (MPI_Request of MPI_Send_init and friends): it describes an operation once, and
 * {@link #Start()} runs it again each time. Between a completion and the next start the request is inactive:
 * waiting on it returns an empty status at once. Each start posts a new jmpi operation with the arguments given
 * when the request was made.
 */
public class Prequest extends Request
{
    /**
     * Starts one run of the operation.
     */
    @FunctionalInterface
    interface Starter
    {
        /**
         * @return the operation just started.
         */
        Pending start();
    }

    private final Starter starter;
    private boolean freed;

    Prequest(final Starter starter)
    {
        super(null);
        this.starter = starter;
    }

    /**
     * MPI_Start: start the operation.
     *
     * @throws MPIException ERR_REQUEST if the request is active or freed; the operation's error if it cannot
     *                      start.
     */
    public void Start() throws MPIException
    {
        if (freed || isActive())
        {
            throw new MPIException(new MpiException(ErrorClass.ERR_REQUEST,
                freed ? "the persistent request has been freed" : "the persistent request is already active"));
        }
        try
        {
            activate(starter.start());
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * MPI_Startall: start every request, in order.
     *
     * @param array_of_requests the persistent requests.
     * @throws MPIException as {@link #Start()}.
     */
    public static void Startall(final Prequest[] array_of_requests) throws MPIException
    {
        for (final Prequest request : array_of_requests)
        {
            request.Start();
        }
    }

    /**
     * MPI_Request_free: the request can no longer be started.
     */
    public void Free() throws MPIException
    {
        freed = true;
        super.Free();
    }

    /**
     * @return true once the request has been freed: a completed persistent request is inactive, not null.
     */
    public boolean Is_null() throws MPIException
    {
        return freed;
    }
}
