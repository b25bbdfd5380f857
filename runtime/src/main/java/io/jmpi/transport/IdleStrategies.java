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
 * By default a {@link RankIdleStrategy}: a rank with a core of its own spins and then yields, and never parks, so it
 * notices a peer on another core within a cache miss; when the ranks on this host outnumber its cores it yields at
 * once (so that the peer it waits for gets the core), and parks only once a wait has lasted about a millisecond. The system property {@value #PROPERTY} forces one of {@code spin}, {@code yield}, {@code backoff}
 * (Agrona's spin, yield, then park up to 1 ms) or {@code sleep}.
 */
public final class IdleStrategies
{
    /** System property that forces an idle strategy. */
    public static final String PROPERTY = "jmpi.idle";

    /** Spins before the first yield of a rank that has a core of its own: about 10-50 us. */
    static final int DEDICATED_SPINS = 10_000;
    /**
     * Spins before the first yield of a rank on an oversubscribed host: none, as the peer it waits for may need
     * this very core, and a yield with nothing else to run returns within a microsecond (benchmarks/RESULTS.md:
     * a 4-rank barrier takes 5-6 us at the median yielding at once, 9 us after 50 spins).
     */
    static final int SHARED_SPINS = 0;
    /** Yields before a rank on an oversubscribed host parks: about a millisecond of waiting. */
    static final long SHARED_YIELDS = 1_000;

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
                return new BackoffIdleStrategy(
                    20_000, 100, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
            case "":
                break;
            default:
                throw new IllegalArgumentException(PROPERTY + "=" + forced + " is not one of spin, yield, backoff, sleep");
        }

        final boolean oversubscribed = localRanks > Runtime.getRuntime().availableProcessors();
        return oversubscribed ?
            new RankIdleStrategy(
                SHARED_SPINS, SHARED_YIELDS, TimeUnit.MICROSECONDS.toNanos(20), TimeUnit.MILLISECONDS.toNanos(1)) :
            new RankIdleStrategy(DEDICATED_SPINS, Long.MAX_VALUE, 0, 0);
    }
}
