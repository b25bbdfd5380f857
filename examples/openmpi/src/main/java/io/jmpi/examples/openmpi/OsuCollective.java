package io.jmpi.examples.openmpi;

import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;

/**
 * The measuring loop of the OSU collective latency tests: every rank times each call of the collective alone,
 * with barriers between calls; the table at rank 0 shows the average over the ranks of their mean latency, in
 * microseconds.
 */
final class OsuCollective
{
    /**
     * One call of the collective under test.
     */
    @FunctionalInterface
    interface Call
    {
        /**
         * @param size message size in bytes.
         * @throws MPIException if the call fails.
         */
        void run(int size) throws MPIException;
    }

    private OsuCollective()
    {
    }

    static void measure(final Intracomm comm, final OsuSchedule schedule, final String title, final Call call)
        throws MPIException
    {
        final OsuTable table = 0 == comm.getRank() ? new OsuTable(title, "Avg Latency(us)") : null;
        final double[] latency = new double[1];
        final double[] sum = new double[1];
        for (final int size : schedule.sizes())
        {
            final int iterations = schedule.iterations(size);
            final int warmup = schedule.warmup(size);
            long timedNs = 0;
            comm.barrier();
            for (int i = 0; i < warmup + iterations; i++)
            {
                final long start = System.nanoTime();
                call.run(size);
                if (i >= warmup)
                {
                    timedNs += System.nanoTime() - start;
                }
                comm.barrier();
            }
            latency[0] = timedNs / 1e3 / iterations;
            comm.reduce(latency, sum, 1, MPI.DOUBLE, MPI.SUM, 0);
            if (null != table)
            {
                table.row(size, sum[0] / comm.getSize());
            }
        }
    }
}
