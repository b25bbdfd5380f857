package mpi;

import io.jmpi.MpiException;

/**
 * What a communicator does when a call on it fails (MPI_Errhandler): {@link MPI#ERRORS_RETURN} throws the
 * {@link MPIException} to the caller; {@link MPI#ERRORS_ARE_FATAL} prints the error and ends the job at once
 * (jrun ends the other ranks), with the error class as the exit code.
 * <p>
 * As in MPJ Express, a communicator starts with {@link MPI#ERRORS_RETURN}; an exception that escapes {@code main}
 * still ends the job, as {@link MPI#Init} says. Communicators made from one (Dup, Split, Create, the topologies)
 * inherit its handler, as MPI requires.
 */
public final class Errhandler
{
    private final boolean fatal;

    Errhandler(final boolean fatal)
    {
        this.fatal = fatal;
    }

    /**
     * Apply the handler to a failed call.
     *
     * @param comm  the communicator of the call.
     * @param error what failed.
     * @return the exception to throw, for {@link MPI#ERRORS_RETURN}; {@link MPI#ERRORS_ARE_FATAL} does not return.
     * @throws MPIException if MPI is not initialised.
     */
    MPIException handle(final Comm comm, final MpiException error) throws MPIException
    {
        if (fatal)
        {
            System.err.println("jmpi: rank " + MPI.runtime().world().rank() + ": " + error.getMessage() + " on " +
                comm.comm + ": the communicator's error handler is MPI.ERRORS_ARE_FATAL");
            MPI.runtime().abort(error.errorClass().code());
        }
        return MPIException.of(error);
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return fatal ? "MPI.ERRORS_ARE_FATAL" : "MPI.ERRORS_RETURN";
    }
}
