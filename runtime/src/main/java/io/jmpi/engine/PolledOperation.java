package io.jmpi.engine;

/**
 * An operation made of other operations, which the engine advances itself: once started with
 * {@link ProgressEngine#start(Operation)}, every progress step of the rank, whichever thread makes it, calls
 * {@link #poll()} until the operation completes. So a compound operation moves on while its owner computes, tests
 * or waits for anything else, with no thread of its own. The engine knows nothing of what the parts mean.
 * <p>
 * {@link #poll()} runs on the engine's owner thread: it starts its parts with {@link #startPart(Operation)} and
 * takes back receives it no longer wants with {@link #withdraw(RecvOp)}, and completes with {@link #finish(int)}.
 */
public abstract class PolledOperation extends Operation
{
    private ProgressEngine engine;
    private boolean finished;
    private int finishedError;

    /**
     * Advance the operation: look at its parts and start the next ones. Called on the engine's owner thread, so
     * it must not block, nor call the engine's public methods (it owns the engine already).
     *
     * @return amount of work done, 0 if nothing moved.
     */
    protected abstract int poll();

    /**
     * Start a part from {@link #poll()}: as {@link ProgressEngine#start(Operation)}, on the owner thread.
     *
     * @param part a prepared, idle send or receive.
     */
    protected final void startPart(final Operation part)
    {
        part.markPending();
        engine.startOwned(part);
    }

    /**
     * Take back a receive that has not matched yet, from {@link #poll()}; it then never completes.
     *
     * @param part a started receive.
     */
    protected final void withdraw(final RecvOp part)
    {
        engine.withdraw(part);
    }

    /**
     * Complete the operation, from {@link #poll()}. The engine publishes the completion once {@link #poll()} has
     * returned and it has let go of the operation, so that a thread that sees it complete may start it again.
     *
     * @param error {@link Errors#SUCCESS} or the error of the part that failed.
     */
    protected final void finish(final int error)
    {
        finished = true;
        finishedError = error;
    }

    final void startedBy(final ProgressEngine engine)
    {
        this.engine = engine;
        finished = false;
    }

    final boolean isFinished()
    {
        return finished;
    }

    final void publish()
    {
        complete(finishedError);
    }

    boolean dependsOn(final int worldRank)
    {
        return false;
    }
}
