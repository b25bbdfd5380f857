package io.jmpi.coll;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import io.jmpi.coll.algorithm.Algorithm;

import java.util.List;

/**
 * The algorithms of one collective operation on one communicator, and the choice among them: the one named by the
 * system property {@code jmpi.coll.<collective>.algorithm} if it is set (like Open MPI's
 * {@code coll_tuned_<collective>_algorithm}), else the one the tuned rule names. The property is read at every
 * call, so a program may change it between calls; every member must then change it alike.
 *
 * @param <A> the algorithm interface of the collective.
 */
final class AlgorithmTable<A extends Algorithm>
{
    /** Prefix of the properties that force an algorithm. */
    static final String PROPERTY_PREFIX = "jmpi.coll.";
    /** Suffix of the properties that force an algorithm. */
    static final String PROPERTY_SUFFIX = ".algorithm";

    private final String property;
    private final List<A> algorithms;

    /**
     * @param collective name of the collective in the property, such as {@code bcast} or {@code reduce_scatter}.
     * @param algorithms its algorithms, distinctly named.
     */
    AlgorithmTable(final String collective, final List<A> algorithms)
    {
        this.property = PROPERTY_PREFIX + collective + PROPERTY_SUFFIX;
        this.algorithms = algorithms;
    }

    /**
     * @return the name of the property that forces an algorithm of this collective.
     */
    String property()
    {
        return property;
    }

    /**
     * @param ruleChoice the name the tuned rule gives for this call, an available algorithm.
     * @return the forced algorithm if the property names one that can serve this communicator, else the rule's.
     * @throws MpiException ERR_ARG if the property names no algorithm of this collective.
     */
    A select(final String ruleChoice)
    {
        final String forced = System.getProperty(property);
        if (null == forced || forced.isEmpty())
        {
            return named(ruleChoice);
        }
        final A algorithm = named(forced);
        return algorithm.isAvailable() ? algorithm : named(ruleChoice);
    }

    /**
     * @param name an algorithm name.
     * @return the algorithm of that name.
     * @throws MpiException ERR_ARG if there is none.
     */
    A named(final String name)
    {
        for (int i = 0; i < algorithms.size(); i++)
        {
            if (algorithms.get(i).name().equals(name))
            {
                return algorithms.get(i);
            }
        }
        final StringBuilder names = new StringBuilder();
        for (final A algorithm : algorithms)
        {
            names.append(names.length() > 0 ? ", " : "").append(algorithm.name());
        }
        throw new MpiException(ErrorClass.ERR_ARG,
            "no algorithm '" + name + "' for " + property + ": choose one of " + names);
    }
}
