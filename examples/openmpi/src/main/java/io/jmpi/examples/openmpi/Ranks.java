package io.jmpi.examples.openmpi;

import mpi.Comm;
import mpi.MPIException;

/**
 * The check of the point-to-point tests that run on exactly two ranks.
 */
final class Ranks
{
    private Ranks()
    {
    }

    static void requireTwo(final Comm comm, final String test) throws MPIException
    {
        if (2 != comm.getSize())
        {
            throw new IllegalStateException(test + " needs exactly 2 ranks (jrun -np 2), not " + comm.getSize());
        }
    }
}
