package io.jmpi;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An attribute key (MPI_Comm_create_keyval, MPI-3.1 section 6.7): names a value a program caches on a communicator
 * with {@link Comm#setAttribute}, and says what happens to the value when the communicator is duplicated (the
 * {@link Copier}) and when the value is deleted, replaced, or its communicator freed (the {@link Deleter}).
 * <p>
 * The predefined keys ({@link #TAG_UB}, {@link #HOST}, {@link #IO}, {@link #WTIME_IS_GLOBAL}, {@link #APPNUM},
 * {@link #UNIVERSE_SIZE}) are answered on every communicator, as Open MPI does by copying them on dup; they cannot
 * be set, deleted or freed.
 *
 * @param <T> the type of the values.
 */
public final class Keyval<T>
{
    /** Declared before the predefined keys, which take the first numbers. */
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    /** The largest tag ({@link Mpi#TAG_UB}; MPI_TAG_UB). */
    public static final Keyval<Integer> TAG_UB = predefined("TAG_UB", mpi -> Mpi.TAG_UB);
    /** The host process: {@link Mpi#PROC_NULL}, as no process is special (MPI_HOST). */
    public static final Keyval<Integer> HOST = predefined("HOST", mpi -> Mpi.PROC_NULL);
    /** A process that can do I/O: {@link Mpi#ANY_SOURCE}, as every rank can (MPI_IO). */
    public static final Keyval<Integer> IO = predefined("IO", mpi -> Mpi.ANY_SOURCE);
    /** Whether the ranks' clocks agree: false, each rank's {@link Mpi#wtime()} is its own (MPI_WTIME_IS_GLOBAL). */
    public static final Keyval<Boolean> WTIME_IS_GLOBAL = predefined("WTIME_IS_GLOBAL", mpi -> Boolean.FALSE);
    /** The application number: 0, as jrun starts one program (MPI_APPNUM). */
    public static final Keyval<Integer> APPNUM = predefined("APPNUM", mpi -> 0);
    /** The number of processes the job can hold: the world's size, as jrun spawns no more (MPI_UNIVERSE_SIZE). */
    public static final Keyval<Integer> UNIVERSE_SIZE = predefined("UNIVERSE_SIZE", mpi -> mpi.world().size());

    private final int id = NEXT_ID.getAndIncrement();
    private final String name;
    private final Copier<T> copier;
    private final Deleter<T> deleter;
    private final Function<Mpi, T> predefinedValue;
    private volatile boolean freed;

    private Keyval(final String name, final Copier<T> copier, final Deleter<T> deleter, final Function<Mpi, T> value)
    {
        this.name = name;
        this.copier = copier;
        this.deleter = deleter;
        this.predefinedValue = value;
    }

    private static <T> Keyval<T> predefined(final String name, final Function<Mpi, T> value)
    {
        return new Keyval<>(name, nullCopy(), null, value);
    }

    /**
     * Create a key (MPI_Comm_create_keyval).
     *
     * @param copier  what {@link Comm#dup()} does with a value (split and create copy none, as MPI says):
     *                {@link #nullCopy()} (leave it behind, MPI_COMM_NULL_COPY_FN), {@link #dupCopy()} (the same
     *                object, MPI_COMM_DUP_FN) or a function of one's own.
     * @param deleter called with the value when it is deleted, replaced or its communicator freed; null for nothing
     *                (MPI_COMM_NULL_DELETE_FN).
     * @param <T>     the type of the values.
     * @return the new key.
     * @throws MpiException ERR_ARG if copier is null.
     */
    public static <T> Keyval<T> create(final Copier<T> copier, final Deleter<T> deleter)
    {
        if (null == copier)
        {
            throw new MpiException(ErrorClass.ERR_ARG, "the copier is null: pass Keyval.nullCopy() to copy nothing");
        }
        return new Keyval<>(null, copier, deleter, null);
    }

    /**
     * @param <T> the type of the values.
     * @return the copier that leaves the value behind (MPI_COMM_NULL_COPY_FN).
     */
    public static <T> Copier<T> nullCopy()
    {
        return (comm, value) -> null;
    }

    /**
     * @param <T> the type of the values.
     * @return the copier that gives the new communicator the same object (MPI_COMM_DUP_FN).
     */
    public static <T> Copier<T> dupCopy()
    {
        return (comm, value) -> value;
    }

    /**
     * Free the key (MPI_Comm_free_keyval). Values cached under it stay until deleted, and are still copied and
     * deleted by its functions, as MPI says; setting or getting one raises ERR_KEYVAL.
     *
     * @throws MpiException ERR_KEYVAL for a predefined or already freed key.
     */
    public void free()
    {
        checkUsable("free");
        freed = true;
    }

    /**
     * @return the key's number, unique in this process (the integer an MPI binding would hand out).
     */
    public int id()
    {
        return id;
    }

    boolean isPredefined()
    {
        return null != predefinedValue;
    }

    T predefinedValue(final Mpi mpi)
    {
        return predefinedValue.apply(mpi);
    }

    void checkUsable(final String call)
    {
        if (isPredefined())
        {
            throw new MpiException(ErrorClass.ERR_KEYVAL, "the predefined key " + this + " cannot be given to " + call);
        }
        checkLive();
    }

    void checkLive()
    {
        if (freed)
        {
            throw new MpiException(ErrorClass.ERR_KEYVAL, "key " + this + " is freed");
        }
    }

    /**
     * @return the value for the new communicator, or null to leave it behind.
     */
    T copy(final Comm oldComm, final Object value)
    {
        @SuppressWarnings("unchecked")
        final T typed = (T)value;
        return copier.copy(oldComm, typed);
    }

    void delete(final Comm comm, final Object value)
    {
        if (null != deleter)
        {
            @SuppressWarnings("unchecked")
            final T typed = (T)value;
            deleter.delete(comm, typed);
        }
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return null == name ? "keyval" + id : name;
    }

    /**
     * What {@link Comm#dup()} does with a cached value (MPI_Comm_copy_attr_function).
     *
     * @param <T> the type of the values.
     */
    @FunctionalInterface
    public interface Copier<T>
    {
        /**
         * @param oldComm the communicator being duplicated.
         * @param value   its value.
         * @return the value for the new communicator, or null to give it none.
         */
        T copy(Comm oldComm, T value);
    }

    /**
     * What deleting a cached value does (MPI_Comm_delete_attr_function).
     *
     * @param <T> the type of the values.
     */
    @FunctionalInterface
    public interface Deleter<T>
    {
        /**
         * @param comm  the communicator the value was cached on.
         * @param value the value.
         */
        void delete(Comm comm, T value);
    }
}
