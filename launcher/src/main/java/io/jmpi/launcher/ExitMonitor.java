package io.jmpi.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Decides how a job ends from the exits of its ranks, the same way on one host and across hosts: the first failure
 * is reported (its cause rather than a rank that only saw a peer fail) and, after {@code --grace}, ends the job;
 * the timeout first asks every rank what it is blocked in, then ends the job.
 * <p>
 * A rank that exits with 0 before it joined the job fails the job as soon as the job shows itself a jmpi job (a
 * rank has begun to join, now or later), since its peers would wait for it in vain; in a job whose ranks never
 * join, a plain program, it succeeded.
 */
final class ExitMonitor
{
    /** How long jrun looks for the cause of a failure that was the consequence of another. */
    private static final long CAUSE_WAIT_NS = TimeUnit.SECONDS.toNanos(1);
    /** How often jrun looks whether a rank has begun to join while an exit before joining awaits its verdict. */
    private static final long JOIN_POLL_NS = TimeUnit.MILLISECONDS.toNanos(50);

    /**
     * The exit of one rank, judged when the monitor takes it (judging may wait for the rank's last output).
     */
    @FunctionalInterface
    interface RankExit
    {
        /**
         * @return how the rank failed, or null if it exited with 0 after closing jmpi.
         * @throws InterruptedException if interrupted while waiting for the rank's last output.
         */
        Failure failure() throws InterruptedException;
    }

    /**
     * Asks the running ranks what they are blocked in, and waits a little for their answers.
     */
    @FunctionalInterface
    interface BlockedCallReport
    {
        /**
         * @throws InterruptedException if interrupted while waiting for the answers.
         */
        void run() throws InterruptedException;
    }

    private static final RankExit WAKE_UP = () -> null;

    private final int ranks;
    private final long timeoutNs;
    private final long graceNs;
    private final PrintStream err;
    private final BooleanSupplier joining;
    private final BlockingQueue<RankExit> exits = new LinkedBlockingQueue<>();
    private volatile boolean ending;

    /**
     * @param ranks   number of ranks of the job.
     * @param options the job's timeout and grace.
     * @param err     where jrun's verdicts go.
     * @param joining whether a rank of the job has begun to join it; may be called from the monitor's thread.
     */
    ExitMonitor(final int ranks, final JrunOptions options, final PrintStream err, final BooleanSupplier joining)
    {
        this.ranks = ranks;
        this.timeoutNs = TimeUnit.SECONDS.toNanos(options.timeoutSeconds());
        this.graceNs = TimeUnit.SECONDS.toNanos(options.graceSeconds());
        this.err = err;
        this.joining = joining;
    }

    /**
     * A rank has exited; may be called from any thread.
     *
     * @param exit how to judge it.
     */
    void exited(final RankExit exit)
    {
        exits.add(exit);
    }

    /**
     * jrun ends the ranks: their exits from now on are expected, not failures, and {@link #await} returns.
     */
    void end()
    {
        ending = true;
        exits.add(WAKE_UP);
    }

    /**
     * @return true once the job is being ended, by {@link #end()}, the grace after a failure or the timeout.
     */
    boolean isEnding()
    {
        return ending;
    }

    /**
     * Wait until every rank has exited, the grace after the first failure is over, or the timeout.
     *
     * @param report how to ask the ranks what they are blocked in, at the timeout.
     * @return the exit code for jrun.
     * @throws InterruptedException if interrupted while waiting.
     */
    int await(final BlockedCallReport report) throws InterruptedException
    {
        final long startNs = System.nanoTime();
        long graceEndNs = 0;
        boolean failed = false;
        int exitCode = 0;
        int running = ranks;
        // exits with 0 before joining, which fail the job once it shows itself a jmpi job
        final List<Failure> beforeJoining = new ArrayList<>();
        while (running > 0 && !ending)
        {
            final long nowNs = System.nanoTime();
            long waitNs = Long.MAX_VALUE;
            if (0 != timeoutNs)
            {
                waitNs = Math.max(0, startNs + timeoutNs - nowNs);
            }
            if (failed)
            {
                waitNs = Math.min(waitNs, Math.max(0, graceEndNs - nowNs));
            }
            else if (!beforeJoining.isEmpty())
            {
                waitNs = Math.min(waitNs, JOIN_POLL_NS);
            }

            final RankExit exit = Long.MAX_VALUE == waitNs ? exits.take() : exits.poll(waitNs, TimeUnit.NANOSECONDS);
            if (WAKE_UP == exit)
            {
                continue;
            }
            Failure failure = null;
            if (null != exit)
            {
                running--;
                failure = exit.failure();
                if (null != failure && failure.awaitsJoin() && !failed && !joining.getAsBoolean())
                {
                    beforeJoining.add(failure);
                    continue;
                }
            }
            else if (!failed && !beforeJoining.isEmpty() && joining.getAsBoolean())
            {
                failure = beforeJoining.remove(0);
            }

            if (null != failure)
            {
                if (ending)
                {
                    continue;
                }
                if (failed)
                {
                    err.println("jrun: " + failure.message());
                    continue;
                }

                failed = true;
                final List<Failure> failures = new ArrayList<>(beforeJoining);
                failures.add(failure);
                if (failure.consequence())
                {
                    running -= awaitCause(failures, running);
                }
                final Failure cause = failures.stream().filter(f -> !f.consequence()).findFirst().orElse(failure);
                err.println("jrun: " + cause.message());
                exitCode = cause.jrunExitCode();
                graceEndNs = System.nanoTime() + graceNs;
                ending = 0 == graceNs;
                if (!ending)
                {
                    failures.stream().filter(f -> f != cause).forEach(f -> err.println("jrun: " + f.message()));
                }
            }
            else if (null != exit)
            {
                continue;
            }
            else if (0 != timeoutNs && System.nanoTime() - (startNs + timeoutNs) >= 0)
            {
                report.run();
                err.println("jrun: job timed out after " + TimeUnit.NANOSECONDS.toSeconds(timeoutNs) + " s");
                exitCode = failed ? exitCode : Job.TIMEOUT_EXIT_CODE;
                ending = true;
            }
            else if (failed && System.nanoTime() - graceEndNs >= 0)
            {
                ending = true;
            }
        }

        if (!failed && !ending && !beforeJoining.isEmpty() && joining.getAsBoolean())
        {
            // every rank has exited, the last ones after they joined
            err.println("jrun: " + beforeJoining.get(0).message());
            exitCode = beforeJoining.get(0).jrunExitCode();
        }
        return exitCode;
    }

    /**
     * The first failure was a rank that found a peer failed or gone: the peer, the cause, may be exiting at this
     * moment (a rank that closes jmpi on its way out tells its peers before it has exited). Collect the exits of
     * a short while, so that jrun names the cause rather than the first of its victims.
     *
     * @return how many ranks exited meanwhile.
     */
    private int awaitCause(final List<Failure> failures, final int running) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + CAUSE_WAIT_NS;
        int exited = 0;
        while (exited < running)
        {
            final RankExit exit = exits.poll(Math.max(0, deadlineNs - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (null == exit || WAKE_UP == exit)
            {
                break;
            }
            exited++;
            final Failure failure = exit.failure();
            if (null != failure)
            {
                failures.add(failure);
                if (!failure.consequence())
                {
                    break;
                }
            }
        }
        return exited;
    }
}
