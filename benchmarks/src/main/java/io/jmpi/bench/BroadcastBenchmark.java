package io.jmpi.bench;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Status;
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
 * Broadcast latency of jmpi, multicast against binomial tree, on ranks in separate processes on this host: the time
 * from rank 0 starting MPI_Bcast until it knows that every rank has the message.
 * <p>
 * The JMH fork is rank 0 and starts the other ranks as {@link BroadcastFollower}s in a {@link LocalJob}, every rank
 * with {@code -Djmpi.coll.bcast.algorithm} set to {@link #algorithm}. Each invocation is one broadcast followed by
 * an empty acknowledgement from each other rank to rank 0, so the score includes one small point-to-point message
 * (the same for both algorithms) and no rank can run ahead into the next broadcast.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { JvmFlags.OPEN_MISC, JvmFlags.EXPORT_MISC, JvmFlags.OPEN_NIO, JvmFlags.OPEN_NIO_CH })
@State(Scope.Thread)
public class BroadcastBenchmark
{
    private static final String ALGORITHM_PROPERTY = "jmpi.coll.bcast.algorithm";

    /** Ranks in the job, rank 0 included. */
    @Param({ "2", "4" })
    public int ranks;

    /** The broadcast algorithm every rank is forced to use. */
    @Param({ "multicast", "binomial" })
    public String algorithm;

    /** Message length in bytes. */
    @Param({ "8", "1048576" })
    public int size;

    private final Status status = new Status();
    private LocalJob job;
    private Mpi mpi;
    private Comm world;
    private byte[] buffer;

    /**
     * Force the algorithm, start the driver and the followers, and join the job as rank 0.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        buffer = new byte[size];
        System.setProperty(ALGORITHM_PROPERTY, algorithm);
        job = LocalJob.start(ranks, BroadcastFollower.class, Integer.toString(size));
        mpi = Mpi.init(new String[0]);
        world = mpi.world();
    }

    /**
     * Broadcast {@link #size} bytes from rank 0 and wait for every other rank's acknowledgement.
     */
    @Benchmark
    public void broadcast()
    {
        world.bcast(buffer, 0, size, BroadcastFollower.ROOT);
        for (int i = 1; i < ranks; i++)
        {
            world.recv(buffer, 0, 0, Mpi.ANY_SOURCE, BroadcastFollower.ACK_TAG, status);
        }
    }

    /**
     * Broadcast the stop, leave the job, wait for the followers and close the driver.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        try
        {
            if (null != world)
            {
                buffer[0] = BroadcastFollower.STOP;
                world.bcast(buffer, 0, size, BroadcastFollower.ROOT);
            }
        }
        finally
        {
            System.clearProperty(ALGORITHM_PROPERTY);
            CloseHelper.closeAll(mpi, job);
        }
    }
}
