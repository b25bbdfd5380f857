package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.Keyval;
import io.jmpi.MpiException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The keyvals of communicator attributes: this API's integers for the runtime's keys ({@link Keyval}). A value is
 * cached on the runtime's communicator serialized, as Open MPI's Java bindings store it, and dup gives the copy the
 * same bytes, so each get returns a copy of its own.
 */
final class CommKeyvals
{
    /** User keyvals start above the predefined ones (TAG_UB ... WIN_DISP_UNIT). */
    private static final AtomicInteger NEXT_KEYVAL = new AtomicInteger(16);
    private static final Map<Integer, Keyval<byte[]>> KEYVALS = new ConcurrentHashMap<>();

    private CommKeyvals()
    {
    }

    static int create()
    {
        final int keyval = NEXT_KEYVAL.getAndIncrement();
        KEYVALS.put(keyval, Keyval.create(Keyval.dupCopy(), null));
        return keyval;
    }

    static void free(final int keyval)
    {
        final Keyval<byte[]> key = KEYVALS.remove(keyval);
        if (null == key)
        {
            throw unknown(keyval);
        }
        key.free();
    }

    /**
     * @return the runtime's key of a keyval of {@link #create()}.
     * @throws MpiException ERR_KEYVAL for any other.
     */
    static Keyval<byte[]> of(final int keyval)
    {
        final Keyval<byte[]> key = KEYVALS.get(keyval);
        if (null == key)
        {
            throw unknown(keyval);
        }
        return key;
    }

    /**
     * @return the runtime's predefined key of one of this API's predefined keyvals, or null.
     */
    static Keyval<?> predefined(final int keyval)
    {
        switch (keyval)
        {
            case MPI.TAG_UB:
                return Keyval.TAG_UB;
            case MPI.HOST:
                return Keyval.HOST;
            case MPI.IO:
                return Keyval.IO;
            case MPI.WTIME_IS_GLOBAL:
                return Keyval.WTIME_IS_GLOBAL;
            case MPI.APPNUM:
                return Keyval.APPNUM;
            case MPI.UNIVERSE_SIZE:
                return Keyval.UNIVERSE_SIZE;
            default:
                return null;
        }
    }

    private static MpiException unknown(final int keyval)
    {
        return new MpiException(ErrorClass.ERR_KEYVAL,
            "keyval " + keyval + " was not created by createKeyval or is freed");
    }
}
