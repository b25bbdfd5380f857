package io.jmpi;

/**
 * The error raised by every jmpi call that fails: it carries the MPI error class and a message naming the
 * problem. jmpi's error handler is MPI_ERRORS_RETURN turned into exceptions: a failed call throws, and the
 * runtime stays usable unless the class is {@link ErrorClass#ERR_PROC_FAILED}.
 */
public class MpiException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final ErrorClass errorClass;

    /**
     * @param errorClass MPI error class of the failure.
     * @param message    what went wrong, naming the offending argument.
     */
    public MpiException(final ErrorClass errorClass, final String message)
    {
        super(errorClass.name() + ": " + message);
        this.errorClass = errorClass;
    }

    /**
     * @return the MPI error class.
     */
    public ErrorClass errorClass()
    {
        return errorClass;
    }
}
