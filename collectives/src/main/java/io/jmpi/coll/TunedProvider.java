package io.jmpi.coll;

import io.jmpi.spi.CollectiveContext;
import io.jmpi.spi.CollectiveProvider;
import io.jmpi.spi.Collectives;

/**
 * jmpi's collective component, "tuned" after Open MPI's: every collective with several algorithms, a selection rule
 * from message and communicator size ({@link TunedRules}), and a system property per collective,
 * {@code jmpi.coll.<collective>.algorithm=<name>}, that forces one algorithm (for example
 * {@code -Djmpi.coll.bcast.algorithm=binomial}). Found by {@link java.util.ServiceLoader}.
 */
public final class TunedProvider implements CollectiveProvider
{
    /** Priority of this component among the providers on the class path. */
    public static final int PRIORITY = 50;

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return "tuned";
    }

    /**
     * {@inheritDoc}
     */
    public int priority()
    {
        return PRIORITY;
    }

    /**
     * {@inheritDoc}
     */
    public Collectives create(final CollectiveContext context)
    {
        return new TunedCollectives(context);
    }
}
