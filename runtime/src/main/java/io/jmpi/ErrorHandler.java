package io.jmpi;

/**
 * What a failed call on a communicator does (MPI_Errhandler, MPI-3.1 section 8.3). Every call on a {@link Comm},
 * and every wait or test of a {@link Request} made on it, hands its error to the communicator's handler before it
 * throws the {@link MpiException}; a handler that returns lets the exception reach the caller, as MPI lets the call
 * return the error code after a user's handler returns.
 * <p>
 * Two handlers are predefined: {@link Mpi#ERRORS_RETURN}, which does nothing more (the exception is the error code
 * of a Java API), and {@link Mpi#ERRORS_ARE_FATAL}, which prints the call and the error and ends the job with the
 * error class as exit code. jmpi's communicators start with ERRORS_RETURN, as mpi4py's and MPJ Express's do, since
 * an exception that nobody catches ends the rank, and with it the job, anyway; MPI's default is ERRORS_ARE_FATAL.
 * New communicators take their parent's handler, as MPI_Comm_dup, MPI_Comm_split and MPI_Comm_create do. Errors that
 * belong to no communicator go to the handler of {@link Mpi#world()}, as MPI-3.1 says.
 */
@FunctionalInterface
public interface ErrorHandler
{
    /**
     * Handle a failed call (MPI_Comm_errhandler_function). Called once per error, on the thread of the call.
     *
     * @param comm  the communicator of the call.
     * @param error the error, with its class and a message naming the call and the problem.
     */
    void handle(Comm comm, MpiException error);
}
