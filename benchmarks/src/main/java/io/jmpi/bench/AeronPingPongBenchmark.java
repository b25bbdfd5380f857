package io.jmpi.bench;

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
 * The baseline of {@link PingPongBenchmark}: one-way latency of the same round trip on raw Aeron IPC, with no jmpi
 * on top, through the same harness (a {@link LocalJob} with its embedded driver, an {@link AeronEcho} process) and
 * the same idle strategy. Messages move as jmpi moves them (see {@link AeronMessenger}), so the ratio of the two
 * benchmarks is the cost of jmpi's protocol, matching and API.
 * <p>
 * As in {@link PingPongBenchmark}, each invocation of {@link #oneWay} is a round trip counted as two operations
 * ({@code @OperationsPerInvocation(2)}), so JMH's time per operation is half a round trip.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { JvmFlags.OPEN_MISC, JvmFlags.EXPORT_MISC, JvmFlags.OPEN_NIO, JvmFlags.OPEN_NIO_CH })
@State(Scope.Thread)
public class AeronPingPongBenchmark
{
    private static final int RANKS = 2;

    /** Message length in bytes. */
    @Param({ "0", "8", "64", "1024", "65536", "1048576" })
    public int size;

    private LocalJob job;
    private AeronMessenger messenger;
    private byte[] buffer;

    /**
     * Start the driver and the echo and connect to it.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        buffer = new byte[size];
        job = LocalJob.start(RANKS, AeronEcho.class, Integer.toString(size));
        messenger = AeronMessenger.connect(
            job.aeronDir(), AeronMessenger.PING_STREAM, AeronMessenger.PONG_STREAM, RANKS);
    }

    /**
     * One round trip, two one-way messages: send {@link #size} bytes to the echo and receive them back.
     */
    @Benchmark
    public void oneWay()
    {
        messenger.send(buffer, size);
        messenger.receive(buffer, size);
    }

    /**
     * Stop the echo, disconnect, wait for the echo and close the driver.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        try
        {
            if (null != messenger)
            {
                messenger.sendStop();
            }
        }
        finally
        {
            CloseHelper.closeAll(messenger, job);
        }
    }
}
