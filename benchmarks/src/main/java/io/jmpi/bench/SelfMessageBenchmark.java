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
 * The processor time of one small message, without a second process: a rank of a one-rank job sends a message to
 * itself and receives it, with jmpi ({@link #jmpi()}: MPI_Send then MPI_Recv into a caller-owned status) and with
 * raw Aeron on the same channel ({@link #aeron()}: the {@link AeronMessenger} of the ping-pong baseline publishing
 * to its own subscription).
 * <p>
 * With no peer to wait for, the score is the software cost of the send and receive paths alone, free of
 * cross-core and scheduling latency, so it stays meaningful on a loaded machine and explains the gap between
 * {@link PingPongBenchmark} and {@link AeronPingPongBenchmark}. With {@code -prof gc} it also shows the allocation
 * of the blocking send/recv path of the calling thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { JvmFlags.OPEN_MISC, JvmFlags.EXPORT_MISC, JvmFlags.OPEN_NIO, JvmFlags.OPEN_NIO_CH })
@State(Scope.Thread)
public class SelfMessageBenchmark
{
    private static final int TAG = 1;
    private static final int SELF_STREAM = 0x2002;

    /** Message length in bytes. */
    @Param({ "8" })
    public int size;

    private final Status status = new Status();
    private LocalJob job;
    private Mpi mpi;
    private Comm world;
    private AeronMessenger messenger;
    private byte[] buffer;

    /**
     * Start a one-rank job, join it, and connect the raw messenger to its own stream.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        buffer = new byte[size];
        job = LocalJob.alone();
        mpi = Mpi.init(new String[0]);
        world = mpi.world();
        messenger = AeronMessenger.connect(job.aeronDir(), SELF_STREAM, SELF_STREAM, 1);
    }

    /**
     * MPI_Send of {@link #size} bytes to this rank, then the MPI_Recv that takes it.
     */
    @Benchmark
    public void jmpi()
    {
        world.send(buffer, 0, size, 0, TAG);
        world.recv(buffer, 0, size, 0, TAG, status);
    }

    /**
     * The same message through raw Aeron: claim, fill and commit a frame, then poll it back.
     */
    @Benchmark
    public void aeron()
    {
        messenger.send(buffer, size);
        messenger.receive(buffer, size);
    }

    /**
     * Disconnect, leave the job and close the driver.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        CloseHelper.closeAll(messenger, mpi, job);
    }
}
