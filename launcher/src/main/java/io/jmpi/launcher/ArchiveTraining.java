package io.jmpi.launcher;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Op;
import io.jmpi.Request;

/**
 * The rank program of the build's training job, from which the class-data sharing archive of the ranks is dumped
 * (see the launcher's pom): it makes the calls most rank programs make, so that the archive holds the classes of
 * init, point-to-point, the common collectives and close, and a rank loads few classes from jars at start-up.
 * <p>
 * It runs on one rank, because every rank of the job would dump to the same file; it prints nothing.
 */
public final class ArchiveTraining
{
    private static final int TAG = 1;
    private static final int COUNT = 16;

    private ArchiveTraining()
    {
    }

    /**
     * @param args ignored.
     */
    public static void main(final String[] args)
    {
        try (Mpi mpi = Mpi.init(args))
        {
            final Comm world = mpi.world();
            final int self = world.rank();
            final int[] sent = new int[COUNT];
            final int[] received = new int[COUNT];
            final double[] values = new double[COUNT];
            final double[] maxima = new double[COUNT];

            final Request receive = world.irecv(received, 0, COUNT, Mpi.ANY_SOURCE, TAG);
            world.send(sent, 0, COUNT, self, TAG);
            receive.waitFor();

            world.barrier();
            world.bcast(sent, 0, COUNT, 0);
            world.allreduce(sent, 0, received, 0, COUNT, Op.SUM);
            world.allreduce(values, 0, maxima, 0, COUNT, Op.MAX);
            world.reduce(sent, 0, received, 0, COUNT, Op.SUM, 0);
            world.allgather(sent, 0, COUNT, received, 0, COUNT);
            final Comm split = world.split(0, self);
            split.barrier();
            split.free();
        }
    }
}
