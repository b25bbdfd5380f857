package io.jmpi.transport;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.util.concurrent.TimeUnit;

/**
 * Chooses how a rank waits for its peers.
 * <p>
 * The system property {@value #PROPERTY} forces one of {@code spin}, {@code yield}, {@code backoff} or
 * {@code sleep}. Without it, a rank spins briefly and then parks; when the ranks on this host outnumber its cores
 * it parks almost at once, because a spinning rank then steals the core that the peer it waits for needs.
 */
public final class IdleStrategies
{
    /** System property that forces an idle strategy. */
    public static final String PROPERTY = "jmpi.idle";

    private IdleStrategies()
    {
    }

    /**
     * A new idle strategy for one waiting thread.
     *
     * @param localRanks number of ranks of the job on this host.
     * @return an idle strategy; each waiting thread needs its own.
     */
    public static IdleStrategy forRanks(final int localRanks)
    {
        final String forced = System.getProperty(PROPERTY, "");
        switch (forced)
        {
            case "spin":
                return new BusySpinIdleStrategy();
            case "yield":
                return new YieldingIdleStrategy();
            case "sleep":
                return new SleepingIdleStrategy(TimeUnit.MICROSECONDS.toNanos(50));
            case "backoff":
            case "":
                break;
            default:
                throw new IllegalArgumentException(PROPERTY + "=" + forced + " is not one of spin, yield, backoff, sleep");
        }

        final boolean oversubscribed = localRanks > Runtime.getRuntime().availableProcessors();
        if (oversubscribed)
        {
            return new BackoffIdleStrategy(
                10, 5, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(200));
        }

        return new BackoffIdleStrategy(
            20_000, 100, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
    }
}
