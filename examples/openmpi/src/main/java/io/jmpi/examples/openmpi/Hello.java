package io.jmpi.examples.openmpi;

import mpi.MPI;
import mpi.MPIException;

/**
 * Hello world in Open MPI's Java API: every rank prints its rank, the job's size and its host.
 * <pre>{@code
 * bin/jrun -np 4 io.jmpi.examples.openmpi.Hello
 * }</pre>
 */
public final class Hello
{
    private Hello()
    {
    }

    /**
     * @param args ignored.
     * @throws MPIException if a call fails.
     */
    public static void main(final String[] args) throws MPIException
    {
        MPI.Init(args);
        System.out.println("Hello, world, I am " + MPI.COMM_WORLD.getRank() + " of " + MPI.COMM_WORLD.getSize() +
            " on " + MPI.getProcessorName());
        MPI.Finalize();
    }
}
