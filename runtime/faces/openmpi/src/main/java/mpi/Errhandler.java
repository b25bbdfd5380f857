package mpi;

/**
 * An error handler (MPI_Errhandler): what a failed call on a communicator does. {@link MPI#ERRORS_ARE_FATAL}, the
 * default of {@link MPI#COMM_WORLD} and {@link MPI#COMM_SELF} as in Open MPI, prints the call and the error and ends
 * the job; {@link MPI#ERRORS_RETURN} throws {@link MPIException}. New communicators take their parent's handler.
 */
public final class Errhandler implements Freeable
{
    /** True for ERRORS_ARE_FATAL. */
    final boolean fatal;
    private final String name;

    Errhandler(final boolean fatal, final String name)
    {
        this.fatal = fatal;
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
