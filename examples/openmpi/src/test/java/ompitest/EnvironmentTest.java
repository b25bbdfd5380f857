package ompitest;

import io.jmpi.launcher.JobRunner;
import mpi.Comm;
import mpi.MPI;
import mpi.MPIException;
import mpitest.Check;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.nio.IntBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The environment of Open MPI's Java API: init and finalize, thread level, timers, names and versions, the
 * predefined attributes, user attributes copied on dup, slices and direct buffers, buffered sends.
 */
class EnvironmentTest
{
    @Test
    void environmentOnThreeRanks()
    {
        assertEquals(List.of("ok"), JobRunner.run(3, Environment.class).assertSuccess().linesOfRank(2));
    }

    /**
     * Checks every environment call.
     */
    public static final class Environment
    {
        /**
         * An attribute value: stored serialized, so a get returns an equal copy.
         */
        record Tagged(String label, int rank) implements Serializable
        {
        }

        public static void main(final String[] args) throws Exception
        {
            Check.that(!MPI.isInitialized(), "initialized before Init");
            final int provided = MPI.InitThread(args, MPI.THREAD_FUNNELED);
            Check.equal(MPI.THREAD_MULTIPLE, provided, "provided thread level");
            Check.equal(MPI.THREAD_MULTIPLE, MPI.queryThread(), "queryThread");
            Check.that(MPI.isInitialized() && !MPI.isFinalized(), "isInitialized after Init");
            Check.that(MPI.isThreadMain(), "the thread of Init is the main thread");
            final boolean[] other = new boolean[1];
            final Thread thread = new Thread(() ->
            {
                try
                {
                    other[0] = MPI.isThreadMain();
                }
                catch (final MPIException ex)
                {
                    other[0] = true;
                }
            });
            thread.start();
            thread.join();
            Check.that(!other[0], "another thread is not the main thread");

            final int rank = MPI.COMM_WORLD.getRank();
            final int size = MPI.COMM_WORLD.getSize();
            Check.equal(1, MPI.COMM_SELF.getSize(), "size of COMM_SELF");
            Check.equal(0, MPI.COMM_SELF.getRank(), "rank in COMM_SELF");
            Check.equal("MPI_COMM_WORLD", MPI.COMM_WORLD.getName(), "name of the world");
            Check.equal(MPI.ERRORS_ARE_FATAL, MPI.COMM_WORLD.getErrhandler(), "default error handler");

            final double start = MPI.wtime();
            Thread.sleep(20);
            Check.that(MPI.wtime() - start >= 0.019, "wtime measures a sleep of 20 ms");
            Check.that(MPI.wtick() > 0 && MPI.wtick() <= 1e-3, "wtick is a fine resolution");
            Check.that(!MPI.getProcessorName().isEmpty(), "processor name");
            Check.equal(3, MPI.getVersion().getVersion(), "MPI version");
            Check.equal(1, MPI.getVersion().getSubVersion(), "MPI subversion");
            Check.that(MPI.getLibVersion().contains("jmpi"), "library version names jmpi");

            Check.equal(Integer.MAX_VALUE, MPI.COMM_WORLD.getAttr(MPI.TAG_UB), "TAG_UB");
            Check.equal(MPI.PROC_NULL, MPI.COMM_WORLD.getAttr(MPI.HOST), "HOST");
            Check.equal(MPI.ANY_SOURCE, MPI.COMM_WORLD.getAttr(MPI.IO), "IO");
            Check.equal(Boolean.FALSE, MPI.COMM_WORLD.getAttr(MPI.WTIME_IS_GLOBAL), "WTIME_IS_GLOBAL");
            Check.equal(size, MPI.COMM_WORLD.getAttr(MPI.UNIVERSE_SIZE), "UNIVERSE_SIZE");

            attributes(rank);
            buffers(rank, size);

            MPI.COMM_WORLD.barrier();
            MPI.Finalize();
            Check.that(MPI.isFinalized(), "isFinalized after Finalize");
            System.out.println("ok");
        }

        private static void attributes(final int rank) throws MPIException
        {
            final int keyval = Comm.createKeyval();
            final Comm comm = MPI.COMM_WORLD.dup();
            Check.that(null == comm.getAttr(keyval), "no value before set");
            comm.setAttr(keyval, new Tagged("first", rank));
            final Object value = comm.getAttr(keyval);
            Check.equal(new Tagged("first", rank), value, "value read back");
            Check.that(value != comm.getAttr(keyval), "every get returns a copy");
            final Comm copy = comm.dup();
            Check.equal(new Tagged("first", rank), copy.getAttr(keyval), "value copied by dup");
            copy.setAttr(keyval, new Tagged("second", rank));
            Check.equal(new Tagged("first", rank), comm.getAttr(keyval), "the original keeps its value");
            comm.deleteAttr(keyval);
            Check.that(null == comm.getAttr(keyval), "no value after delete");
            Check.equal(new Tagged("second", rank), copy.getAttr(keyval), "the copy keeps its value");
            copy.free();
            comm.free();
            Check.that(comm.isNull(), "a freed communicator is null");
            Comm.freeKeyval(keyval);
            MPI.COMM_WORLD.setErrhandler(MPI.ERRORS_RETURN);
            try
            {
                MPI.COMM_WORLD.setAttr(keyval, "late");
                Check.fail("set of a freed keyval succeeded");
            }
            catch (final MPIException ex)
            {
                Check.equal(MPI.ERR_KEYVAL, ex.getErrorClass(), "error class of a freed keyval");
            }
            MPI.COMM_WORLD.setErrhandler(MPI.ERRORS_ARE_FATAL);
        }

        private static void buffers(final int rank, final int size) throws MPIException
        {
            final int[] array = { 0, 1, 2, 3, 4, 5, 6, 7 };
            final IntBuffer slice = MPI.slice(array, 3);
            Check.equal(3, slice.get(0), "slice of an array starts at its offset");
            final IntBuffer direct = MPI.newIntBuffer(8);
            Check.that(direct.isDirect() && 8 == direct.capacity(), "newIntBuffer is direct");
            Check.equal(5, MPI.newDoubleBuffer(5).capacity(), "newDoubleBuffer capacity");
            Check.equal(16, MPI.newByteBuffer(16).capacity(), "newByteBuffer capacity");

            final int next = (rank + 1) % size;
            final int prev = (rank + size - 1) % size;
            final byte[] attached = new byte[1024 + MPI.BSEND_OVERHEAD];
            MPI.attachBuffer(attached);
            MPI.COMM_WORLD.bSend(slice, 2, MPI.INT, next, 7);
            final int[] received = new int[4];
            MPI.COMM_WORLD.recv(MPI.slice(received, 1), 2, MPI.INT, prev, 7);
            Check.equal(new int[]{ 0, 3, 4, 0 }, received, "buffered send of a slice into a slice");
            Check.that(attached == MPI.detachBuffer(), "detach returns the attached buffer");
        }
    }
}
