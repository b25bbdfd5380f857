package io.jmpi.transport;

import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.locks.LockSupport;

/**
 * How a rank waits for a peer: spin, then yield the core, then (only where ranks outnumber cores and the wait is
 * long) park.
 * <p>
 * A rank that has a core of its own spins and then yields without end, as Open MPI's ranks poll: a peer running on
 * another core is noticed within the time of a cache miss, and a yield (no sleep) lets a runnable thread of this
 * host, the media driver's or another job's, have the core at once. Where ranks outnumber cores, the peer a rank
 * waits for may need the very core it spins on, so it spins little or not at all and yields (Open MPI's
 * {@code mpi_yield_when_idle}); a yield costs the waiter nothing when no other thread is runnable. After
 * {@code yieldLimit} yields in one wait it parks, a little longer each time up to {@code maxParkNs}, so that a rank
 * that waits long, for a peer that computes, leaves the cores to the ranks that work.
 * <p>
 * {@link #reset()} starts a wait; {@link #idle(int)} with work done also does. One thread uses an instance.
 */
public final class RankIdleStrategy implements IdleStrategy
{
    private final int spinLimit;
    private final long yieldLimit;
    private final long minParkNs;
    private final long maxParkNs;
    private long rounds;
    private long parkNs;

    /**
     * @param spinLimit  rounds of busy spinning before the first yield.
     * @param yieldLimit yields before the first park, or {@link Long#MAX_VALUE} to never park.
     * @param minParkNs  the first park.
     * @param maxParkNs  the longest park.
     */
    public RankIdleStrategy(final int spinLimit, final long yieldLimit, final long minParkNs, final long maxParkNs)
    {
        this.spinLimit = spinLimit;
        this.yieldLimit = yieldLimit;
        this.minParkNs = minParkNs;
        this.maxParkNs = maxParkNs;
        this.parkNs = minParkNs;
    }

    /**
     * {@inheritDoc}
     */
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            reset();
        }
        else
        {
            idle();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void idle()
    {
        final long round = rounds++;
        if (round < spinLimit)
        {
            Thread.onSpinWait();
        }
        else if (round - spinLimit < yieldLimit)
        {
            Thread.yield();
        }
        else
        {
            LockSupport.parkNanos(parkNs);
            parkNs = Math.min(parkNs << 1, maxParkNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void reset()
    {
        rounds = 0;
        parkNs = minParkNs;
    }

    /**
     * {@inheritDoc}
     */
    public String alias()
    {
        return "rank";
    }
}
