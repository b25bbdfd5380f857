package io.jmpi.bench;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Request;
import io.jmpi.bench.harness.JvmFlags;
import io.jmpi.bench.harness.LocalJob;
import org.agrona.CloseHelper;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Streaming bandwidth of jmpi between two ranks in separate processes on this host, as the OSU bandwidth test
 * measures it: rank 0 starts a window of {@link StreamingReceiver#WINDOW} isends of one buffer, waits for all of
 * them, and receives the {@link StreamingReceiver}'s acknowledgement of the window.
 * <p>
 * The primary score is messages per second; the {@link Volume#megabytes} counter gives the same rate in MB/s
 * (10^6 bytes), OSU's unit.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(StreamingReceiver.WINDOW)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { JvmFlags.OPEN_MISC, JvmFlags.EXPORT_MISC, JvmFlags.OPEN_NIO, JvmFlags.OPEN_NIO_CH })
@State(Scope.Thread)
public class StreamingBenchmark
{
    private static final int RECEIVER_RANK = 1;

    /** Message length in bytes. */
    @Param({ "65536", "1048576" })
    public int size;

    private final Request[] window = new Request[StreamingReceiver.WINDOW];
    private final byte[] ack = new byte[StreamingReceiver.ACK_LENGTH];
    private LocalJob job;
    private Mpi mpi;
    private Comm world;
    private byte[] buffer;

    /**
     * Megabytes moved, which JMH reports as a rate: MB/s.
     */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Volume
    {
        /** Megabytes (10^6 bytes) sent in the iteration. */
        public double megabytes;

        /**
         * Start every iteration from zero.
         */
        @Setup(Level.Iteration)
        public void reset()
        {
            megabytes = 0;
        }
    }

    /**
     * Start the driver and the receiver, and join the job as rank 0.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        buffer = new byte[size];
        job = LocalJob.start(2, StreamingReceiver.class, Integer.toString(size));
        mpi = Mpi.init(new String[0]);
        world = mpi.world();
    }

    /**
     * One window: {@link StreamingReceiver#WINDOW} isends, waitAll, and the acknowledgement.
     *
     * @param volume counts the megabytes sent.
     */
    @Benchmark
    public void window(final Volume volume)
    {
        for (int i = 0; i < window.length; i++)
        {
            window[i] = world.isend(buffer, 0, size, RECEIVER_RANK, StreamingReceiver.DATA_TAG);
        }
        Request.waitAll(window);
        world.recv(ack, 0, ack.length, RECEIVER_RANK, StreamingReceiver.ACK_TAG);
        volume.megabytes += (double)size * window.length / 1e6;
    }

    /**
     * Send the window of empty messages that stops the receiver, leave the job, wait for the receiver and close
     * the driver.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        try
        {
            if (null != world)
            {
                for (int i = 0; i < StreamingReceiver.WINDOW; i++)
                {
                    world.send(buffer, 0, 0, RECEIVER_RANK, StreamingReceiver.STOP_TAG);
                }
            }
        }
        finally
        {
            CloseHelper.closeAll(mpi, job);
        }
    }
}
