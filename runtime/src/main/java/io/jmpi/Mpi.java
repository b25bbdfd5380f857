package io.jmpi;

import io.aeron.Aeron;
import io.jmpi.engine.Errors;
import io.jmpi.engine.Operation;
import io.jmpi.engine.ProgressEngine;
import io.jmpi.engine.RecvOp;
import io.jmpi.engine.SendOp;
import io.jmpi.spi.CollectiveProvider;
import io.jmpi.transport.AeronTransport;
import io.jmpi.transport.DriverHostWatch;
import io.jmpi.transport.IdleStrategies;
import io.jmpi.transport.JobEnvironment;
import io.jmpi.transport.JobFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The jmpi runtime of this process: MPI_Init and MPI_Finalize.
 * <pre>{@code
 * try (Mpi mpi = Mpi.init(args))
 * {
 *     Comm world = mpi.world();
 *     System.out.println("rank " + world.rank() + " of " + world.size());
 * }
 * }</pre>
 * A process started by {@code jrun} joins its job; a process started any other way is a singleton job of one
 * rank, as MPI's singleton init. The runtime supports {@link #THREAD_MULTIPLE}: any thread may call any method.
 */
public final class Mpi implements AutoCloseable
{
    /** Wildcard source of a receive or probe (MPI_ANY_SOURCE). */
    public static final int ANY_SOURCE = RecvOp.ANY_SOURCE;
    /** Wildcard tag of a receive or probe (MPI_ANY_TAG). */
    public static final int ANY_TAG = RecvOp.ANY_TAG;
    /** The null process: a send to it or a receive from it completes at once and moves no data (MPI_PROC_NULL). */
    public static final int PROC_NULL = -2;
    /**
     * The root of an intercommunicator collective, as the root itself passes it (MPI_ROOT); the other ranks of its
     * group pass {@link #PROC_NULL}, and the ranks of the other group the root's rank.
     */
    public static final int ROOT = -3;
    /** The largest valid tag (MPI_TAG_UB); tags run from 0 to this. */
    public static final int TAG_UB = Integer.MAX_VALUE;
    /** Thread level: any thread may call jmpi at any time (MPI_THREAD_MULTIPLE). */
    public static final int THREAD_MULTIPLE = 3;
    /**
     * Upper bound of the bytes a buffered send uses in the attached buffer beyond its message (MPI_BSEND_OVERHEAD):
     * a message of n bytes takes n rounded up to a multiple of 8.
     */
    public static final int BSEND_OVERHEAD = 8;
    /** System property: largest message in bytes sent eagerly, before rendezvous takes over. */
    public static final String EAGER_LIMIT_PROPERTY = "jmpi.eagerLimit";
    /**
     * System property: the deserialization filter of object messages ({@link Comm#recvObjects}, mpiJava's
     * {@code MPI.OBJECT}) in {@code jdk.serialFilter} syntax, for example {@code com.example.*;java.base/*;!*}. It
     * replaces the default filter, which allows the classes of the program's class path and the JDK's value
     * classes (boxed primitives, String, enums, java.util, java.util.concurrent, java.math, java.time) in graphs
     * nested at most 256 deep with at most 2^24 references. A received stream the filter rejects fails its
     * receive with ERR_OTHER naming the class; a malformed value fails init with ERR_ARG.
     */
    public static final String SERIAL_FILTER_PROPERTY = "jmpi.serialFilter";
    /**
     * System property: most bytes of heap the unexpected messages queued at a rank may hold (eager messages that
     * arrived before their receive, payload and bookkeeping), default a quarter of the maximum heap
     * ({@code Runtime.maxMemory()}), which leaves the program three quarters, and its receive buffers room for the
     * messages it drains. A sender whose message would pass the bound has flooded the rank: that message and the
     * sender's later ones are dropped, and the receives and probes that could have matched them fail with
     * ERR_NO_MEM naming the sender, rather than the rank running out of memory. Messages the sender queued before
     * are still received.
     */
    public static final String UNEXPECTED_LIMIT_PROPERTY = "jmpi.unexpectedLimit";
    /**
     * Default of {@link #EAGER_LIMIT_PROPERTY}: 2 KiB, as small as Open MPI's shared-memory eager limit (4 KiB) for
     * the same reason: above it, a rendezvous through the pair's data ring (one round trip, then copies that no
     * media driver paces) moves a stream of messages 3 to 6 times faster than eager frames through the inbox log,
     * and costs a single message less than 0.5 us more.
     */
    public static final int DEFAULT_EAGER_LIMIT = 2 * 1024;
    /**
     * The in-place buffer (MPI_IN_PLACE, MPI-3.1 section 5.2.1): passed as the send buffer of reduce (at the root
     * only), allreduce, gather and gatherv (at the root only), allgather, allgatherv, alltoall, alltoallv,
     * reduceScatter, reduceScatterBlock, scan and exscan, or as the receive buffer of scatter and scatterv (at the
     * root only), blocking and nonblocking alike, it says that this rank's data is already where the result goes;
     * the offset and count that go with it are ignored. Anywhere else it raises ERR_BUFFER.
     */
    public static final Object IN_PLACE = InPlace.BUFFER;
    /**
     * The error handler that lets a failed call throw its {@link MpiException} and nothing more (MPI_ERRORS_RETURN):
     * every communicator's first.
     */
    public static final ErrorHandler ERRORS_RETURN = new PredefinedErrorHandler(false, "ERRORS_RETURN");
    /**
     * The error handler that ends the job on a failed call (MPI_ERRORS_ARE_FATAL): it prints the call, the
     * communicator and the error on standard error and ends this rank with the error class as exit code; jrun then
     * ends the others.
     */
    public static final ErrorHandler ERRORS_ARE_FATAL = new PredefinedErrorHandler(true, "ERRORS_ARE_FATAL");

    private static final int WORLD_CONTEXT = 0;
    /** The signal on which a rank prints what it is blocked in: jrun sends it before ending a job that timed out. */
    public static final String REPORT_SIGNAL = "URG";
    private static final int BOOTSTRAP_CONTEXT = -2;
    private static Mpi current;

    private final AeronTransport transport;
    private final ProgressEngine engine;
    private final JobEnvironment environment;
    private final ThreadLocal<ThreadState> threadState;
    private final Comm world;
    private volatile boolean closed;
    private int nextContextBase = WORLD_CONTEXT + Comm.CONTEXTS_PER_COMM;
    private CollectiveProvider collectiveProvider;
    private volatile BsendBuffer bsendBuffer;
    private final List<ThreadState> threads = new CopyOnWriteArrayList<>();
    private final long frameToken;
    private final AtomicLong droppedCollectiveFrames = new AtomicLong();

    private Mpi(final AeronTransport transport)
    {
        this.transport = transport;
        this.environment = transport.environment();
        final int size = environment.size();
        this.frameToken = environment.frameToken();
        this.engine = new ProgressEngine(
            transport, Integer.getInteger(EAGER_LIMIT_PROPERTY, DEFAULT_EAGER_LIMIT), frameToken,
            unexpectedLimit());
        final int localSize = environment.localSize();
        this.threadState = ThreadLocal.withInitial(() ->
        {
            final ThreadState state = new ThreadState(IdleStrategies.forRanks(localSize));
            threads.add(state);
            return state;
        });
        final int[] all = new int[size];
        for (int r = 0; r < size; r++)
        {
            all[r] = r;
        }
        this.world = Comm.create(this, WORLD_CONTEXT, all, size);
    }

    private static long unexpectedLimit()
    {
        final String value = System.getProperty(UNEXPECTED_LIMIT_PROPERTY);
        if (null == value)
        {
            return Runtime.getRuntime().maxMemory() / 4;
        }
        try
        {
            final long limit = Long.parseLong(value.trim());
            if (limit > 0)
            {
                return limit;
            }
        }
        catch (final NumberFormatException ex)
        {
            // reported below, as a value out of range is
        }
        throw new MpiException(ErrorClass.ERR_ARG,
            UNEXPECTED_LIMIT_PROPERTY + " expects a positive number of bytes, got '" + value + "'");
    }

    /**
     * Initialise the runtime (MPI_Init): connect to the job and wait until every rank has joined.
     *
     * @param args the program's arguments, accepted for symmetry with MPI_Init and not modified.
     * @return the runtime; close it last (MPI_Finalize).
     * @throws MpiException ERR_OTHER if the runtime is already initialised in this process, the JVM lacks the
     *                      flags that Aeron and Agrona need (the message names them), or the job cannot be
     *                      joined; ERR_ARG if {@link #SERIAL_FILTER_PROPERTY} is not a valid filter or
     *                      {@link #UNEXPECTED_LIMIT_PROPERTY} not a positive number.
     */
    public static synchronized Mpi init(final String[] args)
    {
        if (null != current)
        {
            throw new MpiException(ErrorClass.ERR_OTHER, "jmpi is already initialised in this process");
        }
        JdkAccess.check();
        ObjectFilter.checkConfigured();
        unexpectedLimit();
        try
        {
            // first: connecting may wait long for a busy driver, and its host may die meanwhile
            DriverHostWatch.start(JobEnvironment.current());
            current = new Mpi(AeronTransport.connect());
            current.bootstrapBarrier();
            current.world.prepareCollectives();
            current.reportBlockedCallsOnSignal();
            current.markOpen();
        }
        catch (final IllegalStateException ex)
        {
            throw new MpiException(ErrorClass.ERR_OTHER, "cannot join the job: " + ex.getMessage());
        }
        return current;
    }

    /**
     * @return the communicator of all ranks of the job (MPI_COMM_WORLD).
     */
    public Comm world()
    {
        checkOpen();
        return world;
    }

    /**
     * @return the thread level the runtime provides, always {@link #THREAD_MULTIPLE}.
     */
    public int threadLevel()
    {
        return THREAD_MULTIPLE;
    }

    /**
     * @return the job id jrun gave this job.
     */
    public String jobId()
    {
        return environment.jobId();
    }

    /**
     * @return frames this rank dropped: malformed, naming no live operation, or without the job's token, written by
     * a process outside the job onto its inbox or a broadcast stream.
     */
    public long droppedFrames()
    {
        return engine.droppedFrames() + droppedCollectiveFrames.get();
    }

    long frameToken()
    {
        return frameToken;
    }

    void collectiveFrameDropped()
    {
        droppedCollectiveFrames.incrementAndGet();
    }

    /**
     * @return elapsed wall-clock time in seconds from an arbitrary origin (MPI_Wtime).
     */
    public static double wtime()
    {
        return System.nanoTime() / 1e9;
    }

    /**
     * Allocate memory for messages in shared memory (MPI_Alloc_mem). A large message sent from such a buffer to a
     * rank on the same host is copied once, by the receiver straight out of the buffer, instead of twice through a
     * ring of shared memory (as Open MPI's single-copy mechanisms do); any other use is as of a direct buffer. The
     * memory stays valid until {@link #freeMem(ByteBuffer)} or the end of the job.
     *
     * @param bytes capacity of the buffer.
     * @return a zeroed direct buffer of that capacity, in native byte order.
     * @throws MpiException ERR_ARG if bytes is negative, ERR_NO_MEM if shared memory cannot hold it.
     */
    public ByteBuffer allocMem(final int bytes)
    {
        try
        {
            checkOpen();
            if (bytes < 0)
            {
                throw new MpiException(ErrorClass.ERR_ARG, "allocMem of a negative size: " + bytes);
            }
            try
            {
                return transport.sharedRegions().allocate(bytes).order(ByteOrder.nativeOrder());
            }
            catch (final RuntimeException ex)
            {
                throw new MpiException(ErrorClass.ERR_NO_MEM,
                    "cannot allocate " + bytes + " bytes of shared memory: " + ex);
            }
        }
        catch (final MpiException ex)
        {
            throw world.failed("allocMem", ex);
        }
    }

    /**
     * Free memory from {@link #allocMem(int)} (MPI_Free_mem); no operation may still use it.
     *
     * @param buffer the buffer allocMem returned.
     * @throws MpiException ERR_ARG if the buffer was not allocated by allocMem or is already freed.
     */
    public void freeMem(final ByteBuffer buffer)
    {
        try
        {
            checkOpen();
            if (null == buffer || !transport.sharedRegions().free(buffer))
            {
                throw new MpiException(ErrorClass.ERR_ARG,
                    "freeMem of a buffer that allocMem did not return (or freed already)");
            }
        }
        catch (final MpiException ex)
        {
            throw world.failed("freeMem", ex);
        }
    }

    /**
     * Attach the buffer that buffered sends copy their messages into (MPI_Buffer_attach). Only one buffer is
     * attached at a time.
     *
     * @param buffer a byte[] or a ByteBuffer; jmpi owns it until {@link #detachBuffer()} returns it.
     * @throws MpiException ERR_BUFFER if a buffer is already attached or this one is unusable.
     */
    public synchronized void attachBuffer(final Object buffer)
    {
        try
        {
            checkOpen();
            if (null != bsendBuffer)
            {
                throw new MpiException(ErrorClass.ERR_BUFFER, "a bsend buffer is already attached: detach it first");
            }
            final SendOp region = new SendOp();
            if (!(buffer instanceof byte[]) && !(buffer instanceof ByteBuffer))
            {
                throw new MpiException(ErrorClass.ERR_BUFFER, "attach a byte[] or a ByteBuffer, not " +
                    (null == buffer ? "null" : buffer.getClass().getName()));
            }
            final int capacity = buffer instanceof byte[] ?
                ((byte[])buffer).length : ((ByteBuffer)buffer).capacity();
            Buffers.region(region, buffer, 0, capacity, true);
            bsendBuffer = new BsendBuffer(buffer, region.base(), region.address(), capacity);
        }
        catch (final MpiException ex)
        {
            throw world.failed("attachBuffer", ex);
        }
    }

    /**
     * Wait until every buffered message has been handed over, then detach the buffer (MPI_Buffer_detach).
     *
     * @return the buffer given to {@link #attachBuffer(Object)}.
     * @throws MpiException ERR_BUFFER if no buffer is attached.
     */
    public synchronized Object detachBuffer()
    {
        try
        {
            checkOpen();
            final BsendBuffer attached = bsendBuffer;
            if (null == attached)
            {
                throw new MpiException(ErrorClass.ERR_BUFFER, "no bsend buffer is attached");
            }
            attached.drain(engine, threadState().idle);
            bsendBuffer = null;
            return attached.attached();
        }
        catch (final MpiException ex)
        {
            throw world.failed("detachBuffer", ex);
        }
    }

    BsendBuffer bsendBuffer()
    {
        return bsendBuffer;
    }

    /**
     * What {@link #ERRORS_ARE_FATAL} does: print the failed call and end the job.
     */
    void abortOnError(final Comm comm, final MpiException error)
    {
        final String call = error.handledIn();
        System.err.println("jmpi: rank " + environment.rank() + ": " +
            (call.isEmpty() ? error.getMessage() + " (the error handler of " + comm :
                call + " on " + comm + " failed: " + error.getMessage() + " (the communicator's error handler") +
            " is ERRORS_ARE_FATAL)");
        System.err.flush();
        Runtime.getRuntime().halt(error.errorClass().code());
    }

    /**
     * End the job at once with the given exit code (MPI_Abort): jrun then ends every other rank.
     *
     * @param errorCode exit code of this process.
     */
    public void abort(final int errorCode)
    {
        System.err.println("jmpi: rank " + environment.rank() + " called abort(" + errorCode + ")");
        System.err.flush();
        Runtime.getRuntime().halt(errorCode);
    }

    /**
     * Finalize (MPI_Finalize): finish delivering what this rank still has to write (buffered sends, protocol
     * frames) and release the transport. Calls made after this throw ERR_OTHER.
     * <p>
     * Unlike many MPI libraries, close does not wait for the other ranks: init already waited until every rank had
     * joined, and messages this rank has sent stay readable in their receivers' inboxes after it leaves. So a rank
     * whose main method fails and closes jmpi on its way out exits at once, and jrun can end the job, instead of
     * hanging in a finalize barrier that its peers never reach.
     */
    public void close()
    {
        synchronized (Mpi.class)
        {
            if (closed)
            {
                return;
            }
            try
            {
                flush();
                engine.announceDeparture(threadState().idle);
            }
            finally
            {
                closed = true;
                markClosed();
                transport.close();
                current = null;
            }
        }
    }

    private void flush()
    {
        final ThreadState state = threadState();
        final BsendBuffer attached = bsendBuffer;
        if (null != attached)
        {
            attached.drain(engine, state.idle);
        }
        state.idle.reset();
        while (engine.hasPendingOutput())
        {
            state.idle.idle(engine.progress());
        }
    }

    private void markOpen()
    {
        try
        {
            Files.createFile(
                JobEnvironment.openMarker(environment.aeronDir(), environment.rank()), JobFiles.OWNER_ONLY);
        }
        catch (final IOException ex)
        {
            System.err.println("jmpi: rank " + environment.rank() + " cannot mark itself open: " + ex);
        }
    }

    private void markClosed()
    {
        try
        {
            Files.deleteIfExists(JobEnvironment.openMarker(environment.aeronDir(), environment.rank()));
        }
        catch (final IOException ex)
        {
            System.err.println("jmpi: rank " + environment.rank() + " cannot mark itself closed: " + ex);
        }
    }

    /**
     * On SIGURG (sent by {@code jrun --timeout} before it ends a job), print what each thread is blocked in, so
     * that the user sees the deadlock. SIGURG because its default action is to be ignored and HotSpot does not use
     * it (SIGUSR2 is HotSpot's suspend/resume signal on Linux).
     */
    @SuppressWarnings("removal")
    private void reportBlockedCallsOnSignal()
    {
        try
        {
            sun.misc.Signal.handle(new sun.misc.Signal(REPORT_SIGNAL), signal -> reportBlockedCalls());
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("jmpi: cannot report blocked calls on SIG" + REPORT_SIGNAL + ": " + ex.getMessage());
        }
    }

    private void reportBlockedCalls()
    {
        boolean blocked = false;
        for (final ThreadState state : threads)
        {
            final String report = state.blockedCall();
            if (null != report)
            {
                blocked = true;
                System.err.println("jmpi: rank " + environment.rank() + " blocked in " + report);
            }
        }
        if (!blocked)
        {
            System.err.println("jmpi: rank " + environment.rank() + " is not blocked in jmpi");
        }
        System.err.flush();
    }

    /**
     * Wait until every rank has joined, so that no rank can leave the job while a peer still waits for it to join.
     */
    private void bootstrapBarrier()
    {
        final int rank = environment.rank();
        final int size = environment.size();
        final ThreadState state = threadState();
        if (0 == rank)
        {
            for (int r = 1; r < size; r++)
            {
                awaitOp(receive(state.recv, ANY_SOURCE, BOOTSTRAP_CONTEXT), state);
            }
            for (int r = 1; r < size; r++)
            {
                awaitOp(send(state.send, r, BOOTSTRAP_CONTEXT), state);
            }
        }
        else
        {
            awaitOp(send(state.send, 0, BOOTSTRAP_CONTEXT), state);
            awaitOp(receive(state.recv, 0, BOOTSTRAP_CONTEXT), state);
        }
    }

    private SendOp send(final SendOp op, final int destination, final int context)
    {
        op.reset();
        op.envelope(destination, context, 0, false);
        engine.start(op);
        return op;
    }

    private RecvOp receive(final RecvOp op, final int source, final int context)
    {
        op.reset();
        op.match(source, context, 0);
        engine.start(op);
        return op;
    }

    private void awaitOp(final Operation op, final ThreadState state)
    {
        engine.await(op, state.idle);
        if (Errors.SUCCESS != op.error())
        {
            throw new MpiException(ErrorClass.of(op.error()), "joining the job failed");
        }
    }

    int worldRank()
    {
        return environment.rank();
    }

    JobEnvironment environment()
    {
        return environment;
    }

    int localRanks()
    {
        return environment.localSize();
    }

    Aeron aeron()
    {
        return transport.aeron();
    }

    synchronized int nextContextBase()
    {
        return nextContextBase;
    }

    synchronized void contextBaseUsed(final int base)
    {
        nextContextBase = Math.max(nextContextBase, base + Comm.CONTEXTS_PER_COMM);
    }

    /**
     * @return whether a collectives provider is on the class path.
     */
    synchronized boolean hasCollectiveProvider()
    {
        if (null == collectiveProvider)
        {
            for (final CollectiveProvider provider : ServiceLoader.load(CollectiveProvider.class))
            {
                if (null == collectiveProvider || provider.priority() > collectiveProvider.priority())
                {
                    collectiveProvider = provider;
                }
            }
        }
        return null != collectiveProvider;
    }

    synchronized CollectiveProvider collectiveProvider()
    {
        if (!hasCollectiveProvider())
        {
            throw new MpiException(ErrorClass.ERR_OTHER, "no collectives provider on the class path: " +
                "add the jmpi-collectives module (the artifact io.jmpi:jmpi brings it with the runtime; jrun puts " +
                "it on the class path of every rank)");
        }
        return collectiveProvider;
    }

    ProgressEngine engine()
    {
        return engine;
    }

    ThreadState threadState()
    {
        return threadState.get();
    }

    void checkOpen()
    {
        if (closed)
        {
            throw new MpiException(ErrorClass.ERR_OTHER, "jmpi has been closed (finalized)");
        }
    }
}
