package io.jmpi.bench;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Op;
import io.jmpi.bench.harness.JvmFlags;
import io.jmpi.bench.harness.LocalJob;
import org.agrona.CloseHelper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Latency of an 8-byte MPI_Allreduce (one long, MPI_SUM) in jmpi, on ranks in separate processes on this host, with
 * the algorithm jmpi chooses. The JMH fork is rank 0 and starts the other ranks as {@link AllreduceFollower}s in a
 * {@link LocalJob}; an allreduce completes at a rank only once every rank has contributed, so back-to-back calls
 * measure the latency of one.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { JvmFlags.OPEN_MISC, JvmFlags.EXPORT_MISC, JvmFlags.OPEN_NIO, JvmFlags.OPEN_NIO_CH })
@State(Scope.Thread)
public class AllreduceBenchmark
{
    /** Ranks in the job, rank 0 included. */
    @Param({ "2", "4" })
    public int ranks;

    private final long[] contribution = new long[1];
    private final long[] result = new long[1];
    private LocalJob job;
    private Mpi mpi;
    private Comm world;

    /**
     * Start the driver and the followers, and join the job as rank 0.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        job = LocalJob.start(ranks, AllreduceFollower.class);
        mpi = Mpi.init(new String[0]);
        world = mpi.world();
    }

    /**
     * One allreduce of one long.
     *
     * @return the result, so that the call is not eliminated.
     */
    @Benchmark
    public long allreduce()
    {
        world.allreduce(contribution, 0, result, 0, 1, Op.SUM);
        return result[0];
    }

    /**
     * Contribute the stop signal, leave the job, wait for the followers and close the driver.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        try
        {
            if (null != world)
            {
                contribution[0] = AllreduceFollower.STOP;
                world.allreduce(contribution, 0, result, 0, 1, Op.SUM);
            }
        }
        finally
        {
            CloseHelper.closeAll(mpi, job);
        }
    }
}
