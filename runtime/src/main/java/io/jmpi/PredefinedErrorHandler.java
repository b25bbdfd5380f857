package io.jmpi;

/**
 * The two handlers MPI predefines: {@link Mpi#ERRORS_RETURN} and {@link Mpi#ERRORS_ARE_FATAL}.
 */
final class PredefinedErrorHandler implements ErrorHandler
{
    private final boolean fatal;
    private final String name;

    PredefinedErrorHandler(final boolean fatal, final String name)
    {
        this.fatal = fatal;
        this.name = name;
    }

    @Override
    public void handle(final Comm comm, final MpiException error)
    {
        if (fatal)
        {
            comm.mpi().abortOnError(comm, error);
        }
    }

    @Override
    public String toString()
    {
        return name;
    }
}
