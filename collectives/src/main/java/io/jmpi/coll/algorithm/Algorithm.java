package io.jmpi.coll.algorithm;

/**
 * An algorithm of one collective operation, for one communicator. Its name is what the system property
 * {@code jmpi.coll.<collective>.algorithm} takes to force it.
 * <p>
 * The arguments an algorithm receives have been checked, and every member of the communicator calls the same
 * algorithm with matching arguments. An algorithm keeps no state between calls but its scratch arrays.
 */
public interface Algorithm
{
    /**
     * @return the algorithm's name, lower case with underscores, such as {@code recursive_doubling}.
     */
    String name();

    /**
     * @return false if the algorithm cannot serve this communicator (a broadcast stream that failed to reach every
     * member, a shared-memory segment on a communicator across hosts); the same at every member.
     */
    default boolean isAvailable()
    {
        return true;
    }
}
