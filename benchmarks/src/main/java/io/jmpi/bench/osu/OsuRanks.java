package io.jmpi.bench.osu;

import io.jmpi.Comm;

/**
 * Checks on the number of ranks an OSU-style test runs on.
 */
final class OsuRanks
{
    private OsuRanks()
    {
    }

    /**
     * Require a communicator of exactly two ranks, as the OSU point-to-point tests do.
     *
     * @param comm the test's communicator.
     * @param test the test's name, for the error message.
     * @throws IllegalStateException if the communicator does not have two ranks.
     */
    static void requireTwo(final Comm comm, final String test)
    {
        if (2 != comm.size())
        {
            throw new IllegalStateException(test + " needs exactly 2 ranks (jrun -np 2), not " + comm.size());
        }
    }
}
