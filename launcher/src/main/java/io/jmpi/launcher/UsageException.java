package io.jmpi.launcher;

/**
 * A mistake on the jrun command line or in what it names (jar, main class): reported as one line, never as a stack
 * trace.
 */
final class UsageException extends Exception
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, phrased for the user, without the {@code jrun: } prefix.
     */
    UsageException(final String message)
    {
        super(message, null, false, false);
    }
}
