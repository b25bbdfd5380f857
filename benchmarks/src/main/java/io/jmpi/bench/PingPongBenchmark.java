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
 * One-way latency of jmpi point-to-point messages between two ranks in separate processes on this host.
 * <p>
 * The JMH fork is rank 0 and starts rank 1, a {@link PingPongEcho}, in a {@link LocalJob}. Each invocation of
 * {@link #oneWay} is one round trip (rank 0 sends, the echo sends the message back) with the calls of {@link #mode},
 * counted as two operations ({@code @OperationsPerInvocation(2)}): JMH divides each sampled round trip by two, so
 * the time per operation it reports is the one-way latency, half a round trip, as the OSU latency test gives it.
 * Per-operation figures of profilers, such as {@code gc.alloc.rate.norm}, are per one-way message too. Compare
 * with {@link AeronPingPongBenchmark}, the same exchange on raw Aeron.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { JvmFlags.OPEN_MISC, JvmFlags.EXPORT_MISC, JvmFlags.OPEN_NIO, JvmFlags.OPEN_NIO_CH })
@State(Scope.Thread)
public class PingPongBenchmark
{
    private static final int ECHO_RANK = 1;

    /** Message length in bytes. */
    @Param({ "0", "8", "64", "1024", "65536", "1048576" })
    public int size;

    /** The send and receive calls at both ends. */
    @Param({ "SEND", "ISEND", "SSEND" })
    public PingPongMode mode;

    private final Status status = new Status();
    private LocalJob job;
    private Mpi mpi;
    private Comm world;
    private byte[] buffer;

    /**
     * Start the driver and the echo, and join the job as rank 0.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        buffer = new byte[size];
        job = LocalJob.start(2, PingPongEcho.class, mode.name(), Integer.toString(size));
        mpi = Mpi.init(new String[0]);
        world = mpi.world();
    }

    /**
     * One round trip, two one-way messages: send {@link #size} bytes to the echo and receive them back.
     */
    @Benchmark
    public void oneWay()
    {
        mode.roundTrip(world, buffer, size, ECHO_RANK, PingPongEcho.DATA_TAG, status);
    }

    /**
     * Stop the echo, leave the job, and wait for the echo and close the driver.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        try
        {
            if (null != world)
            {
                world.send(buffer, 0, 0, ECHO_RANK, PingPongEcho.STOP_TAG);
            }
        }
        finally
        {
            CloseHelper.closeAll(mpi, job);
        }
    }
}
