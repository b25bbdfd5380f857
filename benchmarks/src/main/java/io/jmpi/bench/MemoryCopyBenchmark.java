package io.jmpi.bench;

import io.jmpi.bench.harness.JvmFlags;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * Single-thread memory-copy bandwidth of this machine, the yardstick of {@link StreamingBenchmark}: a copy between
 * two arrays with {@code System.arraycopy}, and a copy from an array into off-heap memory with
 * {@link UnsafeBuffer#putBytes(int, byte[])}, which is the copy jmpi makes into an Aeron log buffer.
 * <p>
 * The primary score is copies per second; the {@link Volume#megabytes} counter gives MB/s (10^6 bytes).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { JvmFlags.OPEN_MISC, JvmFlags.EXPORT_MISC, JvmFlags.OPEN_NIO, JvmFlags.OPEN_NIO_CH })
@State(Scope.Thread)
public class MemoryCopyBenchmark
{
    /** Bytes per copy: 1 MiB, the streamed message, fits in this machine's caches; 64 MiB does not. */
    @Param({ "1048576", "67108864" })
    public int size;

    private byte[] source;
    private byte[] array;
    private UnsafeBuffer offHeap;

    /**
     * Megabytes copied, which JMH reports as a rate: MB/s.
     */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Volume
    {
        /** Megabytes (10^6 bytes) copied in the iteration. */
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
     * Allocate and touch the source and both destinations.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        source = new byte[size];
        for (int i = 0; i < size; i++)
        {
            source[i] = (byte)i;
        }
        array = new byte[size];
        offHeap = new UnsafeBuffer(ByteBuffer.allocateDirect(size));
        offHeap.setMemory(0, size, (byte)0);
    }

    /**
     * Copy {@link #size} bytes between two arrays.
     *
     * @param volume counts the megabytes copied.
     * @return the destination, so that the copy is not eliminated.
     */
    @Benchmark
    public byte[] arraycopy(final Volume volume)
    {
        System.arraycopy(source, 0, array, 0, size);
        volume.megabytes += size / 1e6;
        return array;
    }

    /**
     * Copy {@link #size} bytes from an array into off-heap memory.
     *
     * @param volume counts the megabytes copied.
     * @return the destination, so that the copy is not eliminated.
     */
    @Benchmark
    public UnsafeBuffer arrayToOffHeap(final Volume volume)
    {
        offHeap.putBytes(0, source);
        volume.megabytes += size / 1e6;
        return offHeap;
    }
}
