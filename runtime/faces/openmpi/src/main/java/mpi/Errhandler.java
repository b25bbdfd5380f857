package mpi;

/**
 * An error handler (MPI_Errhandler): what a failed call on a communicator does. {@link MPI#ERRORS_ARE_FATAL}, the
 * default of {@link MPI#COMM_WORLD} and {@link MPI#COMM_SELF} as in Open MPI, prints the call and the error and ends
 * the job; {@link MPI#ERRORS_RETURN} throws {@link MPIException}. New communicators take their parent's handler.
 * Each is one of jmpi's own handlers ({@link io.jmpi.ErrorHandler}), set on the runtime's communicator, so that the
 * runtime applies it to the errors it finds and this API to those it finds itself.
 */
public final class Errhandler implements Freeable
{
    /** The runtime's handler. */
    final io.jmpi.ErrorHandler handler;
    private final String name;

    Errhandler(final io.jmpi.ErrorHandler handler, final String name)
    {
        this.handler = handler;
        this.name = name;
    }

    /**
     * MPI_Errhandler_free: the predefined handlers stay valid, as MPI defines it.
     *
     * @throws MPIException never; declared as in Open MPI.
     */
    @Override
    public void free() throws MPIException
    {
    }

    /**
     * @return false: a handler of this API is never MPI_ERRHANDLER_NULL.
     */
    public boolean isNull()
    {
        return false;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return name;
    }
}
