package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.Mpi;
import io.jmpi.MpiException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * The mpiJava 1.2 API over jmpi, as MPJ Express implements it: {@code MPI.Init(args)}, {@code MPI.COMM_WORLD},
 * the datatypes, the operations and {@code MPI.Finalize()}. Programs written for mpiJava or MPJ Express compile
 * against this package unchanged and run with {@code jrun}.
 * <p>
 * Where MPJ Express and the mpiJava 1.2 specification differ, this follows MPJ Express: {@link #Init} returns the
 * program's arguments, {@link MPIException} is checked, {@link Status} has public fields, {@link #Buffer_attach}
 * takes a ByteBuffer (a byte[] works too), and the thread calls of MPJ Express exist beside the
 * {@code Init_thread} ones. The values of the constants are jmpi's or MPJ Express's; programs should use them by
 * name only.
 */
public final class MPI
{
    /** Wildcard source of a receive or probe (MPI_ANY_SOURCE). */
    public static final int ANY_SOURCE = Mpi.ANY_SOURCE;
    /** Wildcard tag of a receive or probe (MPI_ANY_TAG). */
    public static final int ANY_TAG = Mpi.ANY_TAG;
    /** The null process: sends to it and receives from it complete at once and move nothing (MPI_PROC_NULL). */
    public static final int PROC_NULL = Mpi.PROC_NULL;
    /**
     * Undefined rank, colour, count or index (MPI_UNDEFINED): -1, MPJ Express's value, which its programs compare
     * ranks with ({@code group.Rank() == -1} for a process outside a group).
     */
    public static final int UNDEFINED = -1;
    /** Bytes a buffered send may use in the attached buffer beyond its message (MPI_BSEND_OVERHEAD). */
    public static final int BSEND_OVERHEAD = Mpi.BSEND_OVERHEAD;

    /** Comparison result: the same object (MPI_IDENT). */
    public static final int IDENT = 0;
    /** Comparison result: same group, different context (MPI_CONGRUENT). */
    public static final int CONGRUENT = 3;
    /** Comparison result: same members in another order (MPI_SIMILAR). */
    public static final int SIMILAR = 1;
    /** Comparison result: different members (MPI_UNEQUAL). */
    public static final int UNEQUAL = 2;
    /** Topology type of a {@link Graphcomm} (MPI_GRAPH). */
    public static final int GRAPH = 1;
    /** Topology type of a {@link Cartcomm} (MPI_CART). */
    public static final int CART = 2;

    /** Attribute key of the largest tag (MPI_TAG_UB): {@link Comm#Attr_get} gives an Integer. */
    public static final int TAG_UB = 0;
    /** Attribute key of the host process (MPI_HOST): {@link #PROC_NULL}, as jmpi has none. */
    public static final int HOST = 1;
    /** Attribute key of the rank that can do I/O (MPI_IO): {@link #ANY_SOURCE}, as every rank can. */
    public static final int IO = 2;
    /** Attribute key of whether clocks are synchronised (MPI_WTIME_IS_GLOBAL): 0, as they are not. */
    public static final int WTIME_IS_GLOBAL = 3;

    /** Failed calls throw {@link MPIException} (MPI_ERRORS_RETURN); every communicator starts with it. */
    public static final Errhandler ERRORS_RETURN = new Errhandler(io.jmpi.Mpi.ERRORS_RETURN);
    /** Failed calls end the job (MPI_ERRORS_ARE_FATAL). */
    public static final Errhandler ERRORS_ARE_FATAL = new Errhandler(io.jmpi.Mpi.ERRORS_ARE_FATAL);

    /** Processors of this host, an MPJ Express extension. */
    public static final int NUM_OF_PROCESSORS = Runtime.getRuntime().availableProcessors();
    /**
     * Bytes an {@link mpjbuf.Buffer} sent with {@link #PACKED} needs before its data (MPJ Express's SEND_OVERHEAD):
     * none, as jmpi frames messages itself.
     */
    public static final int SEND_OVERHEAD = 0;
    /** Bytes a received {@link mpjbuf.Buffer} needs beyond its data (MPJ Express's RECV_OVERHEAD): none. */
    public static final int RECV_OVERHEAD = 0;

    /** Thread level: one thread (MPI_THREAD_SINGLE). */
    public static final int THREAD_SINGLE = 1;
    /** Thread level: only the main thread calls MPI (MPI_THREAD_FUNNELED). */
    public static final int THREAD_FUNNELED = 2;
    /** Thread level: one thread at a time calls MPI (MPI_THREAD_SERIALIZED). */
    public static final int THREAD_SERIALIZED = 3;
    /** Thread level: any thread calls MPI at any time (MPI_THREAD_MULTIPLE); jmpi always provides it. */
    public static final int THREAD_MULTIPLE = 4;

    /** {@code byte[]} elements (MPI_BYTE). */
    public static final Datatype BYTE = Datatype.basic("BYTE", BaseType.BYTE);
    /** {@code char[]} elements, 16 bits (MPI_CHAR of mpiJava). */
    public static final Datatype CHAR = Datatype.basic("CHAR", BaseType.CHAR);
    /** {@code short[]} elements (MPI_SHORT). */
    public static final Datatype SHORT = Datatype.basic("SHORT", BaseType.SHORT);
    /** {@code boolean[]} elements (MPI_BOOLEAN of mpiJava). */
    public static final Datatype BOOLEAN = Datatype.basic("BOOLEAN", BaseType.BOOLEAN);
    /** {@code int[]} elements (MPI_INT). */
    public static final Datatype INT = Datatype.basic("INT", BaseType.INT);
    /** {@code long[]} elements (MPI_LONG). */
    public static final Datatype LONG = Datatype.basic("LONG", BaseType.LONG);
    /** {@code float[]} elements (MPI_FLOAT). */
    public static final Datatype FLOAT = Datatype.basic("FLOAT", BaseType.FLOAT);
    /** {@code double[]} elements (MPI_DOUBLE). */
    public static final Datatype DOUBLE = Datatype.basic("DOUBLE", BaseType.DOUBLE);
    /** Serializable objects in an {@code Object[]} (or any reference array), sent with Java serialization. */
    public static final Datatype OBJECT = Datatype.basic("OBJECT", BaseType.OBJECT);
    /** Bytes made by {@link Comm#Pack}, in a {@code byte[]} (MPI_PACKED). */
    public static final Datatype PACKED = Datatype.basic("PACKED", BaseType.BYTE);
    /** Marker setting the lower bound of a {@link Datatype#Struct} (MPI_LB). */
    public static final Datatype LB = Datatype.marker("LB", true);
    /** Marker setting the upper bound of a {@link Datatype#Struct} (MPI_UB). */
    public static final Datatype UB = Datatype.marker("UB", false);
    /** (value, index) pairs of shorts for MINLOC and MAXLOC: two consecutive elements per item. */
    public static final Datatype SHORT2 = Datatype.pair("SHORT2", SHORT);
    /** (value, index) pairs of ints for MINLOC and MAXLOC. */
    public static final Datatype INT2 = Datatype.pair("INT2", INT);
    /** (value, index) pairs of longs for MINLOC and MAXLOC. */
    public static final Datatype LONG2 = Datatype.pair("LONG2", LONG);
    /** (value, index) pairs of floats for MINLOC and MAXLOC; the index is a float. */
    public static final Datatype FLOAT2 = Datatype.pair("FLOAT2", FLOAT);
    /** (value, index) pairs of doubles for MINLOC and MAXLOC; the index is a double. */
    public static final Datatype DOUBLE2 = Datatype.pair("DOUBLE2", DOUBLE);

    /** Maximum (MPI_MAX). */
    public static final Op MAX = new Op(io.jmpi.Op.MAX);
    /** Minimum (MPI_MIN). */
    public static final Op MIN = new Op(io.jmpi.Op.MIN);
    /** Sum (MPI_SUM). */
    public static final Op SUM = new Op(io.jmpi.Op.SUM);
    /** Product (MPI_PROD). */
    public static final Op PROD = new Op(io.jmpi.Op.PROD);
    /** Logical and (MPI_LAND). */
    public static final Op LAND = new Op(io.jmpi.Op.LAND);
    /** Bitwise and (MPI_BAND). */
    public static final Op BAND = new Op(io.jmpi.Op.BAND);
    /** Logical or (MPI_LOR). */
    public static final Op LOR = new Op(io.jmpi.Op.LOR);
    /** Bitwise or (MPI_BOR). */
    public static final Op BOR = new Op(io.jmpi.Op.BOR);
    /** Logical exclusive or (MPI_LXOR). */
    public static final Op LXOR = new Op(io.jmpi.Op.LXOR);
    /** Bitwise exclusive or (MPI_BXOR). */
    public static final Op BXOR = new Op(io.jmpi.Op.BXOR);
    /** Minimum value and the lowest index holding it, over pair types such as {@link #INT2} (MPI_MINLOC). */
    public static final Op MINLOC = new Op(io.jmpi.Op.MINLOC);
    /** Maximum value and the lowest index holding it, over pair types such as {@link #INT2} (MPI_MAXLOC). */
    public static final Op MAXLOC = new Op(io.jmpi.Op.MAXLOC);

    /**
     * The null communicator (MPI_COMM_NULL): {@code null}, which Split and Create return on processes left out, as
     * MPJ Express does, so that programs may compare with either.
     */
    public static final Intracomm COMM_NULL = null;
    /** The null group (MPI_GROUP_NULL): {@code null}. */
    public static final Group GROUP_NULL = null;
    /**
     * The null request (MPI_REQUEST_NULL): never active; in the arrays of Waitall, Testany and the others it is an
     * inactive slot, as is a {@code null} element.
     */
    public static final Request REQUEST_NULL = new Request(null);

    /** The group with no members (MPI_GROUP_EMPTY). */
    public static final Group GROUP_EMPTY = new Group(io.jmpi.Group.EMPTY);

    /** Every process of the job (MPI_COMM_WORLD); set by {@link #Init}. */
    public static Intracomm COMM_WORLD;
    /** This process alone (MPI_COMM_SELF); set by {@link #Init}. */
    public static Intracomm COMM_SELF;

    private static Mpi runtime;
    private static Thread mainThread;

    private MPI()
    {
    }

    /**
     * MPI_Init: join the job started by {@code jrun} (a process started otherwise is a job of one rank), and set
     * {@link #COMM_WORLD} and {@link #COMM_SELF}. Every rank calls it; it returns once every rank has joined.
     * <p>
     * An exception that escapes the calling thread (typically an MPIException thrown out of {@code main}, which
     * mpiJava programs declare) is printed as usual and then ends the process with exit code 1, as MPI's default
     * error handler MPI_ERRORS_ARE_FATAL would: jrun then ends the job instead of leaving its other ranks waiting.
     *
     * @param args the arguments of {@code main}.
     * @return the program's arguments: all of {@code args}, since jrun passes no arguments of its own (MPJ Express
     * returns what remains after removing its launcher's).
     * @throws MPIException if MPI is already initialised, or the job cannot be joined.
     */
    public static String[] Init(final String[] args) throws MPIException
    {
        synchronized (MPI.class)
        {
            if (null != mainThread)
            {
                throw new MPIException("MPI.Init may be called once per process");
            }
            try
            {
                final Mpi started = Mpi.init(args);
                final io.jmpi.Comm world = started.world();
                runtime = started;
                COMM_WORLD = new Intracomm(world);
                COMM_SELF = new Intracomm(world.split(world.rank(), 0));
                mainThread = Thread.currentThread();
                final Thread.UncaughtExceptionHandler report = mainThread.getUncaughtExceptionHandler();
                mainThread.setUncaughtExceptionHandler((thread, failure) ->
                {
                    report.uncaughtException(thread, failure);
                    System.exit(1);
                });
            }
            catch (final MpiException ex)
            {
                throw MPIException.of(ex);
            }
        }
        return args.clone();
    }

    /**
     * @param rank a rank, count or colour of jmpi's API.
     * @return it in this API's numbers: jmpi's UNDEFINED becomes {@link #UNDEFINED}.
     */
    static int fromJmpi(final int rank)
    {
        return io.jmpi.Group.UNDEFINED == rank ? UNDEFINED : rank;
    }

    /**
     * @param rank a rank or colour of this API.
     * @return it in jmpi's numbers: {@link #UNDEFINED} becomes jmpi's.
     */
    static int toJmpi(final int rank)
    {
        return UNDEFINED == rank ? io.jmpi.Group.UNDEFINED : rank;
    }

    /**
     * MPI_Init_thread: as {@link #Init}, asking for a thread level.
     *
     * @param args     the arguments of {@code main}.
     * @param required the level the program needs, {@link #THREAD_SINGLE} to {@link #THREAD_MULTIPLE}.
     * @return the level provided: always {@link #THREAD_MULTIPLE}.
     * @throws MPIException as {@link #Init}.
     */
    public static int Init_thread(final String[] args, final int required) throws MPIException
    {
        Init(args);
        return THREAD_MULTIPLE;
    }

    /**
     * MPJ Express's form of MPI_Init_thread.
     *
     * @param required the level the program needs.
     * @param provided ignored; the provided level is {@link #Query_thread()}.
     * @param argv     the arguments of {@code main}.
     * @return the program's arguments, as {@link #Init} returns them.
     * @throws MPIException as {@link #Init}.
     */
    public static String[] initThread(final int required, final int provided, final String[] argv)
        throws MPIException
    {
        return Init(argv);
    }

    /**
     * MPI_Query_thread.
     *
     * @return the thread level provided: always {@link #THREAD_MULTIPLE}.
     */
    public static int Query_thread() throws MPIException
    {
        return THREAD_MULTIPLE;
    }

    /**
     * MPJ Express's name of {@link #Query_thread()}.
     *
     * @return {@link #THREAD_MULTIPLE}.
     */
    public static int queryThread() throws MPIException
    {
        return Query_thread();
    }

    /**
     * MPI_Is_thread_main.
     *
     * @return true if the calling thread is the one that called {@link #Init}.
     */
    public static boolean Is_thread_main() throws MPIException
    {
        return Thread.currentThread() == mainThread;
    }

    /**
     * MPJ Express's name of {@link #Is_thread_main()}.
     *
     * @return true if the calling thread initialised MPI.
     */
    public static boolean isMainThread() throws MPIException
    {
        return Is_thread_main();
    }

    /**
     * MPI_Finalize: deliver what this rank still has to send (buffered sends, and the payloads of large object
     * messages, which wait for their receives) and leave the job. Calls made afterwards fail. Like jmpi's own close,
     * it does not wait for the other ranks: messages this rank sent stay readable by their receivers after it
     * leaves.
     *
     * @throws MPIException if MPI is not initialised.
     */
    public static void Finalize() throws MPIException
    {
        final Mpi current = runtime();
        try
        {
            ObjectMessages.awaitPayloads();
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
        finally
        {
            current.close();
        }
    }

    /**
     * MPI_Initialized.
     *
     * @return true once {@link #Init} has succeeded, also after {@link #Finalize()}, as MPI defines it.
     */
    public static boolean Initialized() throws MPIException
    {
        return null != mainThread;
    }

    /**
     * MPI_Wtime.
     *
     * @return elapsed wall-clock time in seconds from an arbitrary origin, with nanosecond resolution.
     */
    public static double Wtime() throws MPIException
    {
        return Mpi.wtime();
    }

    /**
     * MPI_Wtick.
     *
     * @return the resolution of {@link #Wtime()} in seconds: 1e-9.
     */
    public static double Wtick() throws MPIException
    {
        return 1e-9;
    }

    /**
     * MPI_Get_processor_name.
     *
     * @return the host name of this process's machine.
     * @throws MPIException if the host has no resolvable name.
     */
    public static String Get_processor_name() throws MPIException
    {
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
     * MPI_Buffer_attach: the buffer that buffered sends ({@code Bsend}, {@code Ibsend}) copy messages into. A
     * message of n bytes uses n plus at most {@link #BSEND_OVERHEAD} bytes of it.
     *
     * @param buffer a heap or direct ByteBuffer, owned by MPI until detached.
     * @throws MPIException ERR_BUFFER if a buffer is already attached.
     */
    public static void Buffer_attach(final ByteBuffer buffer) throws MPIException
    {
        attach(buffer);
    }

    /**
     * MPI_Buffer_attach with a byte array, as in the mpiJava 1.2 specification.
     *
     * @param buffer the array, owned by MPI until detached.
     * @throws MPIException ERR_BUFFER if a buffer is already attached.
     */
    public static void Buffer_attach(final byte[] buffer) throws MPIException
    {
        attach(buffer);
    }

    /**
     * MPI_Buffer_detach: wait until every buffered message has left the buffer, then detach it.
     * <p>
     * It returns the attached buffer typed as the caller expects, so that {@code MPI.Buffer_detach();} (MPJ Express),
     * {@code byte[] b = MPI.Buffer_detach();} (mpiJava 1.2) and {@code ByteBuffer b = MPI.Buffer_detach();} all
     * compile; the assignment must name the type that was attached.
     *
     * @param <T> byte[] or ByteBuffer, whichever was attached.
     * @return the buffer given to {@code Buffer_attach}.
     * @throws MPIException ERR_BUFFER if no buffer is attached.
     */
    @SuppressWarnings("unchecked")
    public static <T> T Buffer_detach() throws MPIException
    {
        try
        {
            return (T)runtime().detachBuffer();
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * @return the jmpi runtime of this process.
     * @throws MPIException if MPI is not initialised.
     */
    static Mpi runtime() throws MPIException
    {
        final Mpi current = runtime;
        if (null == current)
        {
            throw new MPIException(new MpiException(ErrorClass.ERR_OTHER, "MPI.Init has not been called"));
        }
        return current;
    }

    private static void attach(final Object buffer) throws MPIException
    {
        try
        {
            runtime().attachBuffer(buffer);
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }
}
