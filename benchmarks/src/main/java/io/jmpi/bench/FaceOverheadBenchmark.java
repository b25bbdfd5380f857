package io.jmpi.bench;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Request;
import io.jmpi.bench.harness.JvmFlags;
import io.jmpi.bench.harness.LocalJob;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
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

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * What the Open MPI Java API layer costs per message, without a second process: the rank of a one-rank job
 * streams windows of {@link #WINDOW} non-blocking messages to itself as OSU's bandwidth test does between two
 * ranks (post the receives, start the sends, wait for all), through jmpi's own API from byte arrays
 * ({@link #jmpiArray}) and from direct ByteBuffers ({@link #jmpiDirect}), and through Open MPI's Java API over
 * jmpi ({@link #openMpiApi}), whose non-blocking calls take direct buffers only.
 * <p>
 * The score is the processor time of one message, its send and its receive, free of the scheduling of two
 * processes on two cores that makes the two-rank bandwidth vary by a third from run to run. {@link #openMpiApi}
 * beside {@link #jmpiDirect} is the layer's own cost; with {@code -prof gc}, its allocation per message.
 * Each benchmark runs in a fork of its own, so each fork starts one API only.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { JvmFlags.OPEN_MISC, JvmFlags.EXPORT_MISC, JvmFlags.OPEN_NIO, JvmFlags.OPEN_NIO_CH })
public class FaceOverheadBenchmark
{
    /** Messages per window, as in OSU's bandwidth test. */
    public static final int WINDOW = 64;
    private static final int TAG = 100;

    /**
     * The message buffers, one to send from and one to receive into, of each kind.
     */
    @State(Scope.Thread)
    public static class Buffers
    {
        /** Message length in bytes. */
        @Param({ "128", "512" })
        public int size;

        byte[] arrayOut;
        byte[] arrayIn;
        ByteBuffer directOut;
        ByteBuffer directIn;

        /**
         * Allocate the buffers.
         */
        @Setup(Level.Trial)
        public void setUp()
        {
            arrayOut = new byte[size];
            arrayIn = new byte[size];
            directOut = ByteBuffer.allocateDirect(size);
            directIn = ByteBuffer.allocateDirect(size);
        }
    }

    /**
     * A one-rank job joined through jmpi's API.
     */
    @State(Scope.Thread)
    public static class JmpiRank
    {
        final Request[] receives = new Request[WINDOW];
        final Request[] sends = new Request[WINDOW];
        LocalJob job;
        Mpi mpi;
        Comm world;

        /**
         * Start the job and join it.
         */
        @Setup(Level.Trial)
        public void setUp()
        {
            job = LocalJob.alone();
            mpi = Mpi.init(new String[0]);
            world = mpi.world();
        }

        /**
         * Leave the job and close it.
         */
        @TearDown(Level.Trial)
        public void tearDown()
        {
            CloseHelper.closeAll(mpi, job);
        }
    }

    /**
     * A one-rank job joined through Open MPI's Java API.
     */
    @State(Scope.Thread)
    public static class FaceRank
    {
        final mpi.Request[] receives = new mpi.Request[WINDOW];
        final mpi.Request[] sends = new mpi.Request[WINDOW];
        LocalJob job;
        Intracomm world;

        /**
         * Start the job and join it with MPI.Init.
         *
         * @throws MPIException if MPI.Init fails.
         */
        @Setup(Level.Trial)
        public void setUp() throws MPIException
        {
            job = LocalJob.alone();
            MPI.Init(new String[0]);
            world = MPI.COMM_WORLD;
        }

        /**
         * MPI.Finalize and close the job.
         *
         * @throws MPIException if MPI.Finalize fails.
         */
        @TearDown(Level.Trial)
        public void tearDown() throws MPIException
        {
            MPI.Finalize();
            CloseHelper.close(job);
        }
    }

    /**
     * A window through jmpi's API from byte arrays.
     *
     * @param rank    the rank.
     * @param buffers the buffers.
     */
    @Benchmark
    @OperationsPerInvocation(WINDOW)
    public void jmpiArray(final JmpiRank rank, final Buffers buffers)
    {
        jmpiWindow(rank, buffers.arrayIn, buffers.arrayOut, buffers.size);
    }

    /**
     * A window through jmpi's API from direct ByteBuffers.
     *
     * @param rank    the rank.
     * @param buffers the buffers.
     */
    @Benchmark
    @OperationsPerInvocation(WINDOW)
    public void jmpiDirect(final JmpiRank rank, final Buffers buffers)
    {
        jmpiWindow(rank, buffers.directIn, buffers.directOut, buffers.size);
    }

    private static void jmpiWindow(final JmpiRank rank, final Object in, final Object out, final int size)
    {
        for (int i = 0; i < WINDOW; i++)
        {
            rank.receives[i] = rank.world.irecv(in, 0, size, 0, TAG);
        }
        for (int i = 0; i < WINDOW; i++)
        {
            rank.sends[i] = rank.world.isend(out, 0, size, 0, TAG);
        }
        Request.waitAll(rank.receives);
        Request.waitAll(rank.sends);
    }

    /**
     * A window through Open MPI's Java API from direct ByteBuffers.
     *
     * @param rank    the rank.
     * @param buffers the buffers.
     * @throws MPIException if a call fails.
     */
    @Benchmark
    @OperationsPerInvocation(WINDOW)
    public void openMpiApi(final FaceRank rank, final Buffers buffers) throws MPIException
    {
        final int size = buffers.size;
        for (int i = 0; i < WINDOW; i++)
        {
            rank.receives[i] = rank.world.iRecv(buffers.directIn, size, MPI.BYTE, 0, TAG);
        }
        for (int i = 0; i < WINDOW; i++)
        {
            rank.sends[i] = rank.world.iSend(buffers.directOut, size, MPI.BYTE, 0, TAG);
        }
        mpi.Request.waitAll(rank.receives);
        mpi.Request.waitAll(rank.sends);
    }
}
