package io.jmpi.launcher;

import io.jmpi.Mpi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Asks running ranks what each of their threads is blocked in (the runtime answers the report signal on standard
 * error, which is forwarded as usual) and waits until every rank has answered or is seen to be stopped, within a
 * bound: a loaded host may take seconds to schedule a rank's answer, and the report is worth that wait.
 */
final class BlockedCallReport
{
    /** The longest wait for the answers; a rank that answers ends the wait for itself at once. */
    static final long WAIT_NS = TimeUnit.SECONDS.toNanos(5);
    /** A rank writes one line per blocked thread: once all have begun to answer, the rest of the lines follow. */
    private static final long SETTLE_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private BlockedCallReport()
    {
    }

    /**
     * Signal the ranks and wait for their answers.
     *
     * @param ranks   the ranks to ask; those that have exited are skipped.
     * @param stopped told the rank number of each rank that did not answer because its process is stopped.
     * @return {@code null}, or why the ranks could not be asked.
     * @throws InterruptedException if interrupted while waiting.
     */
    static String ask(final List<RankProcess> ranks, final IntConsumer stopped) throws InterruptedException
    {
        final List<RankProcess> alive = ranks.stream().filter(RankProcess::isAlive).toList();
        if (alive.isEmpty())
        {
            return null;
        }
        final long deadlineNs = System.nanoTime() + WAIT_NS;
        final long[] before = new long[alive.size()];
        final List<String> command = new ArrayList<>(List.of("kill", "-s", Mpi.REPORT_SIGNAL));
        for (int i = 0; i < alive.size(); i++)
        {
            before[i] = alive.get(i).errors().reportLines();
            command.add(Long.toString(alive.get(i).pid()));
        }
        try
        {
            // the signal's default action is to be ignored: a rank without jmpi (or not yet in it) carries on
            final Process kill = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(WAIT_NS, TimeUnit.NANOSECONDS);
        }
        catch (final IOException ex)
        {
            return ex.getMessage();
        }

        final boolean[] answered = new boolean[alive.size()];
        int waiting = alive.size();
        while (waiting > 0 && System.nanoTime() < deadlineNs)
        {
            for (int i = 0; i < alive.size(); i++)
            {
                final RankProcess rank = alive.get(i);
                if (answered[i])
                {
                    continue;
                }
                if (rank.errors().awaitReport(before[i], SETTLE_NS) || !rank.isAlive())
                {
                    answered[i] = true;
                    waiting--;
                }
                else if (StoppedProcesses.isStopped(rank.pid()))
                {
                    answered[i] = true;
                    waiting--;
                    stopped.accept(rank.rank());
                }
            }
        }
        TimeUnit.NANOSECONDS.sleep(Math.min(SETTLE_NS, Math.max(0, deadlineNs - System.nanoTime())));
        return null;
    }
}
