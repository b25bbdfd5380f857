package io.jmpi.bench;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Op;
import io.jmpi.bench.harness.PeerLifetime;

/**
 * A rank other than 0 of {@link AllreduceBenchmark}: contributes 0 to each MPI_Allreduce (one long, MPI_SUM) until
 * a result is not 0, which is rank 0's signal to stop.
 */
public final class AllreduceFollower
{
    /** Rank 0's contribution to the allreduce that ends the followers. */
    static final long STOP = 1;

    private AllreduceFollower()
    {
    }

    /**
     * Take part in allreduces until told to stop.
     *
     * @param args not used.
     */
    public static void main(final String[] args)
    {
        PeerLifetime.endWithParent();
        final long[] contribution = new long[1];
        final long[] result = new long[1];
        try (Mpi mpi = Mpi.init(args))
        {
            final Comm world = mpi.world();
            do
            {
                world.allreduce(contribution, 0, result, 0, 1, Op.SUM);
            }
            while (0 == result[0]);
        }
    }
}
