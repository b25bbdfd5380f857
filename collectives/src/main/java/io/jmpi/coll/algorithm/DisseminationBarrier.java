package io.jmpi.coll.algorithm;

import io.jmpi.coll.base.Exchange;

/**
 * Barrier by dissemination (Hensgen, Finkel and Manber; MPICH's default): ceil(log2(n)) rounds of zero-byte
 * messages, in round k each rank signals the rank 2^k above it and waits for the one 2^k below. Works for any
 * number of ranks, with no root to wait on.
 */
public final class DisseminationBarrier implements BarrierAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "dissemination";

    private final Exchange exchange;

    /**
     * @param exchange the communicator's collective messages.
     */
    public DisseminationBarrier(final Exchange exchange)
    {
        this.exchange = exchange;
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return NAME;
    }

    /**
     * {@inheritDoc}
     */
    public void barrier()
    {
        exchange.barrier();
    }
}
