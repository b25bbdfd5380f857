package io.jmpi.engine;

/**
 * Error codes the engine records on an operation; the numbers are the MPI error classes (as Open MPI numbers
 * them), so the public API maps them one to one.
 */
public final class Errors
{
    /** No error. */
    public static final int SUCCESS = 0;
    /** The message was longer than the receive buffer; what fit was delivered. */
    public static final int TRUNCATE = 15;
    /** Any other failure of the transport. */
    public static final int OTHER = 16;
    /** A sender passed the bound of unexpected messages this rank holds; its messages from then on are lost. */
    public static final int NO_MEM = 39;
    /** A peer the operation depends on has failed. */
    public static final int PROC_FAILED = 75;

    private Errors()
    {
    }
}
