package mpi;

import io.jmpi.MpiException;

/**
 * A persistent request (MPI_Send_init, MPI_Recv_init, ...): made inactive, started with {@link #start()} as often
 * as needed, completed like any request, and freed at the end. Each start issues the operation anew on the
 * runtime with the arguments given at creation.
 */
public final class Prequest extends Request
{
    /**
     * Starts the operation once.
     */
    @FunctionalInterface
    interface Starter
    {
        /**
         * @param request the persistent request to restart.
         * @throws MpiException if the operation cannot start.
         */
        void start(Prequest request);
    }

    private final Starter starter;

    Prequest(final Comm comm, final Starter starter)
    {
        super(comm, (io.jmpi.Request[])null, null);
        this.starter = starter;
        this.persistent = true;
    }

    /**
     * MPI_Start: begin the operation; the request becomes active.
     *
     * @throws MPIException ERR_REQUEST if the request is active or freed, or the operation's error.
     */
    public void start() throws MPIException
    {
        if (isActive() || !persistent)
        {
            throw comm.raise("start", new MpiException(io.jmpi.ErrorClass.ERR_REQUEST, isActive() ?
                "start of a persistent request that is still active" : "start of a freed persistent request"));
        }
        try
        {
            starter.start(this);
        }
        catch (final MpiException ex)
        {
            throw comm.raise("start", ex);
        }
    }

    /**
     * MPI_Startall.
     *
     * @param requests persistent requests, all inactive.
     * @throws MPIException as {@link #start()}.
     */
    public static void startAll(final Prequest[] requests) throws MPIException
    {
        for (final Prequest request : requests)
        {
            request.start();
        }
    }
}
