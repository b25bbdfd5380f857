package io.jmpi;

/**
 * The error raised by every jmpi call that fails: it carries the MPI error class and a message naming the
 * problem. A failed call hands it to the {@link ErrorHandler} of its communicator, then throws it; the runtime
 * stays usable unless the class is {@link ErrorClass#ERR_PROC_FAILED}.
 */
public class MpiException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final ErrorClass errorClass;
    /** The call whose error handler has seen this error; null until one has. */
    private transient String handledIn;

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

    /**
     * Note that the error handler of a call has seen this error.
     *
     * @return false if a handler had seen it already.
     */
    boolean markHandled(final String call)
    {
        if (null != handledIn)
        {
            return false;
        }
        handledIn = call;
        return true;
    }

    /**
     * @return the call whose error handler saw this error, or null.
     */
    String handledIn()
    {
        return handledIn;
    }
}
