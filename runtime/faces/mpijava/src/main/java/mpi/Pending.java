package mpi;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * The operation behind an active {@link Request}: a jmpi request, a receive of objects, or an operation that was
 * complete when it started.
 */
abstract class Pending
{
    /**
     * Make progress and finish the operation if it is complete: unpack staged data, decode objects.
     *
     * @param block true to wait until it completes.
     * @return its status once complete (always when blocking), else null.
     * @throws io.jmpi.MpiException the operation's error; the operation is then complete.
     */
    abstract Status poll(boolean block);

    /**
     * Make progress and tell whether the operation is complete, without finishing it.
     *
     * @return true if {@link #poll} would now return its status.
     */
    abstract boolean ready();

    /**
     * MPI_Cancel of the operation if it has not matched a message yet.
     *
     * @return true if it is cancelled.
     */
    boolean cancel()
    {
        return false;
    }

    /**
     * @param status the status it completes with.
     * @return an operation that is already complete.
     */
    static Pending completed(final Status status)
    {
        return new Pending()
        {
            Status poll(final boolean block)
            {
                return status;
            }

            boolean ready()
            {
                return true;
            }
        };
    }

    /**
     * @return a new idle strategy for a thread that waits for operations jmpi cannot wait for itself: spin, then
     * yield, then park up to 100 microseconds, so that waiting ranks leave the cores to working ones.
     */
    static IdleStrategy idle()
    {
        return new BackoffIdleStrategy(64, 16, 1_000, 100_000);
    }
}
