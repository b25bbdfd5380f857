package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.Mpi;
import io.jmpi.MpiException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;

/**
 * The MPI environment of Open MPI's Java bindings over jmpi: {@link #Init}, {@link #Finalize}, the predefined
 * communicators, datatypes, operations and constants, and direct buffers.
 * <p>
 * The constants have the values of Open MPI's {@code mpi.h}. {@link #COMM_WORLD} and {@link #COMM_SELF} exist
 * before Init, as in Open MPI, and are usable between Init and Finalize; their error handler is
 * {@link #ERRORS_ARE_FATAL} until the program sets another. jmpi provides {@link #THREAD_MULTIPLE} whatever level
 * is asked for.
 */
public final class MPI
{
    /** Wildcard source (MPI_ANY_SOURCE). */
    public static final int ANY_SOURCE = Mpi.ANY_SOURCE;
    /** Wildcard tag (MPI_ANY_TAG). */
    public static final int ANY_TAG = Mpi.ANY_TAG;
    /** The null process (MPI_PROC_NULL): communication with it completes at once. */
    public static final int PROC_NULL = Mpi.PROC_NULL;
    /** MPI_UNDEFINED. */
    public static final int UNDEFINED = -32766;
    /** MPI_ROOT. */
    public static final int ROOT = -4;
    /** MPI_KEYVAL_INVALID. */
    public static final int KEYVAL_INVALID = -1;
    /** Bytes a buffered send uses in the attached buffer beyond its message (MPI_BSEND_OVERHEAD). */
    public static final int BSEND_OVERHEAD = Mpi.BSEND_OVERHEAD;

    /** Comparison results (MPI_IDENT, MPI_CONGRUENT, MPI_SIMILAR, MPI_UNEQUAL). */
    public static final int IDENT = 0, CONGRUENT = 1, SIMILAR = 2, UNEQUAL = 3;
    /** Thread levels (MPI_THREAD_SINGLE ... MPI_THREAD_MULTIPLE). */
    public static final int THREAD_SINGLE = 0, THREAD_FUNNELED = 1, THREAD_SERIALIZED = 2, THREAD_MULTIPLE = 3;
    /** Topology types of {@link Comm#getTopology()} (MPI_GRAPH, MPI_CART, MPI_DIST_GRAPH). */
    public static final int GRAPH = 1, CART = 2, DIST_GRAPH = 3;
    /** Split type of {@link Intracomm#splitType}: the processes of one host (MPI_COMM_TYPE_SHARED). */
    public static final int COMM_TYPE_SHARED = 0;
    /** Predefined attribute keyvals of {@link Comm#getAttr(int)}. */
    public static final int TAG_UB = 0, HOST = 1, IO = 2, WTIME_IS_GLOBAL = 3, APPNUM = 4, LASTUSEDCODE = 5,
        UNIVERSE_SIZE = 6, WIN_BASE = 7, WIN_SIZE = 8, WIN_DISP_UNIT = 9;
    /** The MPI standard jmpi follows (MPI_VERSION, MPI_SUBVERSION). */
    public static final int VERSION = 3, SUBVERSION = 1;
    /** Limits of names and info entries. */
    public static final int MAX_OBJECT_NAME = 64, MAX_PORT_NAME = 1024, MAX_DATAREP_STRING = 128,
        MAX_INFO_KEY = 36, MAX_INFO_VAL = 256, MAX_PROCESSOR_NAME = 256;
    /** Array orders of the darray and subarray constructors (not provided). */
    public static final int ORDER_C = 0, ORDER_FORTRAN = 1;
    /** Distributions of the darray constructor (not provided). */
    public static final int DISTRIBUTE_BLOCK = 0, DISTRIBUTE_CYCLIC = 1, DISTRIBUTE_NONE = 2,
        DISTRIBUTE_DFLT_DARG = -1;
    /** File modes of MPI-IO (not provided). */
    public static final int MODE_CREATE = 1, MODE_RDONLY = 2, MODE_WRONLY = 4, MODE_RDWR = 8,
        MODE_DELETE_ON_CLOSE = 16, MODE_UNIQUE_OPEN = 32, MODE_EXCL = 64, MODE_APPEND = 128, MODE_SEQUENTIAL = 256;
    /** MPI_DISPLACEMENT_CURRENT of MPI-IO (not provided). */
    public static final int DISPLACEMENT_CURRENT = -54278278;
    /** Seek origins of MPI-IO (not provided). */
    public static final int SEEK_SET = 600, SEEK_CUR = 602, SEEK_END = 604;
    /** Assertions and lock types of one-sided communication (not provided). */
    public static final int MODE_NOCHECK = 1, MODE_NOPRECEDE = 2, MODE_NOPUT = 4, MODE_NOSTORE = 8,
        MODE_NOSUCCEED = 16, LOCK_EXCLUSIVE = 1, LOCK_SHARED = 2;

    /** Error classes, numbered as Open MPI's {@code mpi.h} numbers them. */
    public static final int SUCCESS = 0, ERR_BUFFER = 1, ERR_COUNT = 2, ERR_TYPE = 3, ERR_TAG = 4, ERR_COMM = 5,
        ERR_RANK = 6, ERR_REQUEST = 7, ERR_ROOT = 8, ERR_GROUP = 9, ERR_OP = 10, ERR_TOPOLOGY = 11, ERR_DIMS = 12,
        ERR_ARG = 13, ERR_UNKNOWN = 14, ERR_TRUNCATE = 15, ERR_OTHER = 16, ERR_INTERN = 17, ERR_IN_STATUS = 18,
        ERR_PENDING = 19, ERR_ACCESS = 20, ERR_AMODE = 21, ERR_ASSERT = 22, ERR_BAD_FILE = 23, ERR_BASE = 24,
        ERR_CONVERSION = 25, ERR_DISP = 26, ERR_DUP_DATAREP = 27, ERR_FILE_EXISTS = 28, ERR_FILE_IN_USE = 29,
        ERR_FILE = 30, ERR_INFO_KEY = 31, ERR_INFO_NOKEY = 32, ERR_INFO_VALUE = 33, ERR_INFO = 34, ERR_IO = 35,
        ERR_KEYVAL = 36, ERR_LOCKTYPE = 37, ERR_NAME = 38, ERR_NO_MEM = 39, ERR_NOT_SAME = 40, ERR_NO_SPACE = 41,
        ERR_NO_SUCH_FILE = 42, ERR_PORT = 43, ERR_QUOTA = 44, ERR_READ_ONLY = 45, ERR_RMA_CONFLICT = 46,
        ERR_RMA_SYNC = 47, ERR_SERVICE = 48, ERR_SIZE = 49, ERR_SPAWN = 50, ERR_UNSUPPORTED_DATAREP = 51,
        ERR_UNSUPPORTED_OPERATION = 52, ERR_WIN = 53, ERR_SYSRESOURCE = -2, ERR_LASTCODE = 92;
    /** A process the call depends on has failed (ULFM's MPIX_ERR_PROC_FAILED; Open MPI's Java API has none). */
    public static final int ERR_PROC_FAILED = 75;

    /** Aborts the job on an error: the default of COMM_WORLD and COMM_SELF. */
    public static final Errhandler ERRORS_ARE_FATAL = new Errhandler(Mpi.ERRORS_ARE_FATAL, "MPI_ERRORS_ARE_FATAL");
    /** Throws {@link MPIException} on an error. */
    public static final Errhandler ERRORS_RETURN = new Errhandler(Mpi.ERRORS_RETURN, "MPI_ERRORS_RETURN");

    /** Datatypes of Java's primitive elements. */
    public static final Datatype BYTE = Datatype.basic("MPI_BYTE", BaseType.BYTE, 1),
        CHAR = Datatype.basic("MPI_CHAR", BaseType.CHAR, 1),
        SHORT = Datatype.basic("MPI_SHORT", BaseType.SHORT, 1),
        BOOLEAN = Datatype.basic("MPI_BOOLEAN", BaseType.BOOLEAN, 1),
        INT = Datatype.basic("MPI_INT", BaseType.INT, 1),
        LONG = Datatype.basic("MPI_LONG", BaseType.LONG, 1),
        FLOAT = Datatype.basic("MPI_FLOAT", BaseType.FLOAT, 1),
        DOUBLE = Datatype.basic("MPI_DOUBLE", BaseType.DOUBLE, 1),
        PACKED = Datatype.basic("MPI_PACKED", BaseType.BYTE, 1);
    /** Complex numbers: pairs of floats or doubles, real part first. */
    public static final Datatype FLOAT_COMPLEX = Datatype.basic("MPI_C_FLOAT_COMPLEX", BaseType.FLOAT, 2),
        DOUBLE_COMPLEX = Datatype.basic("MPI_C_DOUBLE_COMPLEX", BaseType.DOUBLE, 2);
    /** The null datatype (MPI_DATATYPE_NULL). */
    public static final Datatype DATATYPE_NULL = Datatype.nullType();
    /** (value, index) pairs of MINLOC and MAXLOC in byte buffers, read through {@link #int2} etc. */
    public static final Datatype INT2 = Datatype.pair("MPI_2INT", new PairLayout(BaseType.INT)),
        SHORT_INT = Datatype.pair("MPI_SHORT_INT", new PairLayout(BaseType.SHORT)),
        LONG_INT = Datatype.pair("MPI_LONG_INT", new PairLayout(BaseType.LONG)),
        FLOAT_INT = Datatype.pair("MPI_FLOAT_INT", new PairLayout(BaseType.FLOAT)),
        DOUBLE_INT = Datatype.pair("MPI_DOUBLE_INT", new PairLayout(BaseType.DOUBLE));
    /** Views of the pair types' buffers. */
    public static final Int2 int2 = new Int2();
    /** View of {@link #SHORT_INT} buffers. */
    public static final ShortInt shortInt = new ShortInt();
    /** View of {@link #LONG_INT} buffers. */
    public static final LongInt longInt = new LongInt();
    /** View of {@link #FLOAT_INT} buffers. */
    public static final FloatInt floatInt = new FloatInt();
    /** View of {@link #DOUBLE_INT} buffers. */
    public static final DoubleInt doubleInt = new DoubleInt();

    /** Predefined reduction operations. */
    public static final Op MAX = new Op("MPI_MAX", io.jmpi.Op.MAX, false),
        MIN = new Op("MPI_MIN", io.jmpi.Op.MIN, false),
        SUM = new Op("MPI_SUM", io.jmpi.Op.SUM, false),
        PROD = new Op("MPI_PROD", io.jmpi.Op.PROD, false),
        LAND = new Op("MPI_LAND", io.jmpi.Op.LAND, false),
        BAND = new Op("MPI_BAND", io.jmpi.Op.BAND, false),
        LOR = new Op("MPI_LOR", io.jmpi.Op.LOR, false),
        BOR = new Op("MPI_BOR", io.jmpi.Op.BOR, false),
        LXOR = new Op("MPI_LXOR", io.jmpi.Op.LXOR, false),
        BXOR = new Op("MPI_BXOR", io.jmpi.Op.BXOR, false);
    /** Minimum value and its index, over the pair types. */
    public static final Op MINLOC = new Op("MPI_MINLOC", io.jmpi.Op.MINLOC, true);
    /** Maximum value and its index, over the pair types. */
    public static final Op MAXLOC = new Op("MPI_MAXLOC", io.jmpi.Op.MAXLOC, true);
    /** Operations of one-sided accumulates (MPI_REPLACE, MPI_NO_OP): collectives reject them. */
    public static final Op REPLACE = new Op("MPI_REPLACE", null, false), NO_OP = new Op("MPI_NO_OP", null, false);

    /** The null request (MPI_REQUEST_NULL). */
    public static final Request REQUEST_NULL = Request.nullRequest();
    /** The empty group (MPI_GROUP_EMPTY). */
    public static final Group GROUP_EMPTY = new Group(io.jmpi.Group.EMPTY);
    /** The null info (MPI_INFO_NULL). */
    public static final Info INFO_NULL = Info.nullInfo();
    /** The environment's info (MPI_INFO_ENV). */
    public static final Info INFO_ENV = Info.environment();

    /** All processes of the job (MPI_COMM_WORLD). */
    public static final Intracomm COMM_WORLD = new Intracomm(null, ERRORS_ARE_FATAL, "MPI_COMM_WORLD");
    /** This process alone (MPI_COMM_SELF). */
    public static final Intracomm COMM_SELF = new Intracomm(null, ERRORS_ARE_FATAL, "MPI_COMM_SELF");

    private static volatile Mpi runtime;
    private static volatile boolean initialized;
    private static volatile boolean finalized;
    private static Thread mainThread;
    private static byte[] attached;

    private MPI()
    {
    }

    /**
     * MPI_Init: join the job started by jrun; returns once every process has joined.
     *
     * @param args the arguments of {@code main}.
     * @return the program's arguments: all of them, since jrun passes none of its own.
     * @throws MPIException if MPI is already initialized or the job cannot be joined.
     */
    public static String[] Init(final String[] args) throws MPIException
    {
        synchronized (MPI.class)
        {
            if (initialized)
            {
                throw new MPIException("MPI is already initialized.");
            }
            try
            {
                final Mpi started = Mpi.init(args);
                final io.jmpi.Comm world = started.world();
                runtime = started;
                COMM_WORLD.bind(world);
                COMM_SELF.bind(world.split(world.rank(), 0));
                initialized = true;
                mainThread = Thread.currentThread();
                endOnUncaughtFailure(mainThread);
            }
            catch (final MpiException ex)
            {
                throw MPIException.convert(ex);
            }
        }
        return args.clone();
    }

    /**
     * MPI_Init_thread: as {@link #Init}.
     *
     * @param args     the arguments of {@code main}.
     * @param required the level the program needs.
     * @return the level provided: always {@link #THREAD_MULTIPLE}.
     * @throws MPIException as {@link #Init}.
     */
    public static int InitThread(final String[] args, final int required) throws MPIException
    {
        Init(args);
        return THREAD_MULTIPLE;
    }

    /**
     * @return the thread level provided (MPI_Query_thread): {@link #THREAD_MULTIPLE}.
     * @throws MPIException if MPI is not initialized or finalized.
     */
    public static int queryThread() throws MPIException
    {
        check();
        return THREAD_MULTIPLE;
    }

    /**
     * @return true on the thread that called Init (MPI_Is_thread_main).
     * @throws MPIException if MPI is not initialized or finalized.
     */
    public static boolean isThreadMain() throws MPIException
    {
        check();
        return Thread.currentThread() == mainThread;
    }

    /**
     * MPI_Finalize: deliver what this process still has to send and leave the job. jmpi does not wait for the
     * other processes here (see {@link Mpi#close()}).
     *
     * @throws MPIException if MPI is not initialized or already finalized.
     */
    public static void Finalize() throws MPIException
    {
        check();
        synchronized (MPI.class)
        {
            finalized = true;
            COMM_WORLD.comm = null;
            COMM_SELF.comm = null;
            runtime.close();
        }
    }

    /**
     * @return true once {@link #Init} has succeeded (MPI_Initialized), also after Finalize.
     * @throws MPIException never; declared as in Open MPI.
     */
    public static boolean isInitialized() throws MPIException
    {
        return initialized;
    }

    /**
     * @return true once {@link #Finalize} has been called (MPI_Finalized).
     * @throws MPIException never; declared as in Open MPI.
     */
    public static boolean isFinalized() throws MPIException
    {
        return finalized;
    }

    /**
     * @return wall-clock seconds from an arbitrary origin (MPI_Wtime).
     * @throws MPIException if MPI is not initialized or finalized.
     */
    public static double wtime() throws MPIException
    {
        check();
        return Mpi.wtime();
    }

    /**
     * @return the resolution of {@link #wtime()} in seconds (MPI_Wtick): a nanosecond.
     * @throws MPIException if MPI is not initialized or finalized.
     */
    public static double wtick() throws MPIException
    {
        check();
        return 1e-9;
    }

    /**
     * @return the name of this process's host (MPI_Get_processor_name).
     * @throws MPIException if MPI is not initialized, or the host has no name.
     */
    public static String getProcessorName() throws MPIException
    {
        check();
        try
        {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (final UnknownHostException ex)
        {
            throw new MPIException(ex);
        }
    }

    /**
     * @return the MPI standard version jmpi follows (MPI_Get_version): 3.1.
     * @throws MPIException never; declared as in Open MPI.
     */
    public static Version getVersion() throws MPIException
    {
        return new Version(VERSION, SUBVERSION);
    }

    /**
     * @return a description of the library (MPI_Get_library_version).
     * @throws MPIException never; declared as in Open MPI.
     */
    public static String getLibVersion() throws MPIException
    {
        final String version = Mpi.class.getPackage().getImplementationVersion();
        return "jmpi " + (null == version ? "(development build)" : version) +
            " with the API of Open MPI's Java bindings, MPI " + VERSION + "." + SUBVERSION;
    }

    /**
     * MPI_Buffer_attach: the buffer that buffered sends copy their messages into.
     *
     * @param buffer the buffer; jmpi owns it until {@link #detachBuffer()}.
     * @throws MPIException under the world's error handler: ERR_BUFFER if one is attached already.
     */
    public static void attachBuffer(final byte[] buffer) throws MPIException
    {
        try
        {
            runtime().attachBuffer(buffer);
            attached = buffer;
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * MPI_Buffer_detach: wait until every buffered message has left, then detach the buffer.
     *
     * @return the buffer that was attached.
     * @throws MPIException under the world's error handler: ERR_BUFFER if none is attached.
     */
    public static byte[] detachBuffer() throws MPIException
    {
        try
        {
            runtime().detachBuffer();
            final byte[] buffer = attached;
            attached = null;
            return buffer;
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * MPI_Pcontrol: profiling is not controlled; nothing happens.
     *
     * @param level profiling level.
     * @param obj   profiling information.
     */
    public static void pControl(final int level, final Object obj)
    {
    }

    /**
     * @param capacity bytes.
     * @return a new direct buffer in native byte order.
     */
    public static ByteBuffer newByteBuffer(final int capacity)
    {
        return ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder());
    }

    /**
     * @param capacity chars.
     * @return a new direct buffer in native byte order.
     */
    public static CharBuffer newCharBuffer(final int capacity)
    {
        return newByteBuffer(Math.multiplyExact(capacity, 2)).asCharBuffer();
    }

    /**
     * @param capacity shorts.
     * @return a new direct buffer in native byte order.
     */
    public static ShortBuffer newShortBuffer(final int capacity)
    {
        return newByteBuffer(Math.multiplyExact(capacity, 2)).asShortBuffer();
    }

    /**
     * @param capacity ints.
     * @return a new direct buffer in native byte order.
     */
    public static IntBuffer newIntBuffer(final int capacity)
    {
        return newByteBuffer(Math.multiplyExact(capacity, 4)).asIntBuffer();
    }

    /**
     * @param capacity longs.
     * @return a new direct buffer in native byte order.
     */
    public static LongBuffer newLongBuffer(final int capacity)
    {
        return newByteBuffer(Math.multiplyExact(capacity, 8)).asLongBuffer();
    }

    /**
     * @param capacity floats.
     * @return a new direct buffer in native byte order.
     */
    public static FloatBuffer newFloatBuffer(final int capacity)
    {
        return newByteBuffer(Math.multiplyExact(capacity, 4)).asFloatBuffer();
    }

    /**
     * @param capacity doubles.
     * @return a new direct buffer in native byte order.
     */
    public static DoubleBuffer newDoubleBuffer(final int capacity)
    {
        return newByteBuffer(Math.multiplyExact(capacity, 8)).asDoubleBuffer();
    }

    /**
     * @param buf    a buffer; its position is moved to {@code offset}.
     * @param offset first byte of the slice.
     * @return a buffer sharing the content from {@code offset} on, in the same byte order.
     */
    public static ByteBuffer slice(final ByteBuffer buf, final int offset)
    {
        final ByteOrder order = buf.order();
        buf.position(offset);
        return buf.slice().order(order);
    }

    /**
     * @param buf    a buffer; its position is moved to {@code offset}.
     * @param offset first element of the slice.
     * @return a buffer sharing the content from {@code offset} on.
     */
    public static CharBuffer slice(final CharBuffer buf, final int offset)
    {
        buf.position(offset);
        return buf.slice();
    }

    /**
     * @param buf    a buffer; its position is moved to {@code offset}.
     * @param offset first element of the slice.
     * @return a buffer sharing the content from {@code offset} on.
     */
    public static ShortBuffer slice(final ShortBuffer buf, final int offset)
    {
        buf.position(offset);
        return buf.slice();
    }

    /**
     * @param buf    a buffer; its position is moved to {@code offset}.
     * @param offset first element of the slice.
     * @return a buffer sharing the content from {@code offset} on.
     */
    public static IntBuffer slice(final IntBuffer buf, final int offset)
    {
        buf.position(offset);
        return buf.slice();
    }

    /**
     * @param buf    a buffer; its position is moved to {@code offset}.
     * @param offset first element of the slice.
     * @return a buffer sharing the content from {@code offset} on.
     */
    public static LongBuffer slice(final LongBuffer buf, final int offset)
    {
        buf.position(offset);
        return buf.slice();
    }

    /**
     * @param buf    a buffer; its position is moved to {@code offset}.
     * @param offset first element of the slice.
     * @return a buffer sharing the content from {@code offset} on.
     */
    public static FloatBuffer slice(final FloatBuffer buf, final int offset)
    {
        buf.position(offset);
        return buf.slice();
    }

    /**
     * @param buf    a buffer; its position is moved to {@code offset}.
     * @param offset first element of the slice.
     * @return a buffer sharing the content from {@code offset} on.
     */
    public static DoubleBuffer slice(final DoubleBuffer buf, final int offset)
    {
        buf.position(offset);
        return buf.slice();
    }

    /**
     * @param buf    an array.
     * @param offset first element of the slice.
     * @return a heap buffer over the array from {@code offset} on, in native byte order.
     */
    public static ByteBuffer slice(final byte[] buf, final int offset)
    {
        return ByteBuffer.wrap(buf, offset, buf.length - offset).slice().order(ByteOrder.nativeOrder());
    }

    /**
     * @param buf    an array.
     * @param offset first element of the slice.
     * @return a heap buffer over the array from {@code offset} on.
     */
    public static CharBuffer slice(final char[] buf, final int offset)
    {
        return CharBuffer.wrap(buf, offset, buf.length - offset).slice();
    }

    /**
     * @param buf    an array.
     * @param offset first element of the slice.
     * @return a heap buffer over the array from {@code offset} on.
     */
    public static ShortBuffer slice(final short[] buf, final int offset)
    {
        return ShortBuffer.wrap(buf, offset, buf.length - offset).slice();
    }

    /**
     * @param buf    an array.
     * @param offset first element of the slice.
     * @return a heap buffer over the array from {@code offset} on.
     */
    public static IntBuffer slice(final int[] buf, final int offset)
    {
        return IntBuffer.wrap(buf, offset, buf.length - offset).slice();
    }

    /**
     * @param buf    an array.
     * @param offset first element of the slice.
     * @return a heap buffer over the array from {@code offset} on.
     */
    public static LongBuffer slice(final long[] buf, final int offset)
    {
        return LongBuffer.wrap(buf, offset, buf.length - offset).slice();
    }

    /**
     * @param buf    an array.
     * @param offset first element of the slice.
     * @return a heap buffer over the array from {@code offset} on.
     */
    public static FloatBuffer slice(final float[] buf, final int offset)
    {
        return FloatBuffer.wrap(buf, offset, buf.length - offset).slice();
    }

    /**
     * @param buf    an array.
     * @param offset first element of the slice.
     * @return a heap buffer over the array from {@code offset} on.
     */
    public static DoubleBuffer slice(final double[] buf, final int offset)
    {
        return DoubleBuffer.wrap(buf, offset, buf.length - offset).slice();
    }

    /**
     * Open MPI's check of the non-blocking calls' buffers.
     *
     * @param buf a buffer.
     * @throws IllegalArgumentException if it is not direct.
     */
    static void assertDirectBuffer(final Buffer buf)
    {
        if (null == buf || !buf.isDirect())
        {
            throw new IllegalArgumentException("The buffer must be direct.");
        }
    }

    /**
     * Open MPI's check of the non-blocking collectives' buffers.
     *
     * @param sendbuf the send buffer.
     * @param recvbuf the receive buffer.
     * @throws IllegalArgumentException if one is not direct.
     */
    static void assertDirectBuffer(final Buffer sendbuf, final Buffer recvbuf)
    {
        if (null == sendbuf || !sendbuf.isDirect())
        {
            throw new IllegalArgumentException("The send buffer must be direct.");
        }
        if (null == recvbuf || !recvbuf.isDirect())
        {
            throw new IllegalArgumentException("The recv. buffer must be direct.");
        }
    }

    /**
     * @throws MPIException unless MPI is initialized and not finalized, with Open MPI's messages.
     */
    static void check() throws MPIException
    {
        if (!initialized)
        {
            throw new MPIException("MPI is not initialized.");
        }
        if (finalized)
        {
            throw new MPIException("MPI is finalized.");
        }
    }

    /**
     * @return the runtime.
     * @throws MpiException ERR_OTHER unless MPI is initialized and not finalized.
     */
    static Mpi runtime()
    {
        if (!initialized || finalized)
        {
            throw new MpiException(ErrorClass.ERR_OTHER, initialized ? "MPI is finalized." : "MPI is not initialized.");
        }
        return runtime;
    }

    static boolean isRunning()
    {
        return initialized && !finalized;
    }

    static int worldRank()
    {
        final io.jmpi.Comm world = COMM_WORLD.comm;
        return null == world ? -1 : world.rank();
    }

    /**
     * A Java program whose main thread dies of an exception would leave the JVM to the runtime's threads: end the
     * process instead, with status 1, so that jrun ends the job as Open MPI's mpirun does.
     */
    private static void endOnUncaughtFailure(final Thread thread)
    {
        final Thread.UncaughtExceptionHandler report = thread.getUncaughtExceptionHandler();
        thread.setUncaughtExceptionHandler((failed, failure) ->
        {
            report.uncaughtException(failed, failure);
            System.exit(1);
        });
    }
}
