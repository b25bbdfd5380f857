package ompitest;

import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import mpi.Comm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Request;
import mpitest.Check;
import org.junit.jupiter.api.Test;

import java.nio.IntBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Error handlers of Open MPI's Java API: under ERRORS_RETURN a failed call throws MPIException with its error
 * class, and new communicators take their parent's handler; under ERRORS_ARE_FATAL, the default, the rank prints
 * the call and the error and the job ends.
 */
class ErrorHandlersTest
{
    @Test
    void errorsReturnThrowTheErrorClass()
    {
        assertEquals(List.of("ok"), JobRunner.run(3, Returned.class).assertSuccess().linesOfRank(0));
    }

    @Test
    void errorsAreFatalByDefaultAndEndTheJob()
    {
        final JobResult result = JobRunner.run(3, Fatal.class);
        assertNotEquals(0, result.exitCode(), result.toString());
        final String errors = String.join("\n", result.errorLinesOfRank(1));
        assertTrue(errors.contains("ERRORS_ARE_FATAL") && errors.contains("send on MPI_COMM_WORLD failed") &&
            errors.contains("destination rank 7"), result.toString());
        assertEquals(List.of(), result.linesOfRank(1), result.toString());
    }

    @Test
    void abortEndsTheJobWithItsCode()
    {
        final JobResult result = JobRunner.run(2, Aborting.class);
        assertEquals(3, result.exitCode(), result.toString());
        assertTrue(String.join("\n", result.errorLinesOfRank(0)).contains("abort(3)"), result.toString());
        assertEquals(List.of(), result.linesOfRank(0), result.toString());
    }

    /**
     * Rank 0 aborts while rank 1 waits in a receive that never matches.
     */
    public static final class Aborting
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            if (0 == MPI.COMM_WORLD.getRank())
            {
                MPI.COMM_WORLD.abort(3);
                System.out.println("survived abort");
            }
            MPI.COMM_WORLD.recv(new int[1], 1, MPI.INT, 0, 0);
            MPI.Finalize();
        }
    }

    /**
     * Bad calls under ERRORS_RETURN.
     */
    public static final class Returned
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Comm world = MPI.COMM_WORLD;
            world.setErrhandler(MPI.ERRORS_RETURN);
            Check.equal(MPI.ERRORS_RETURN, world.getErrhandler(), "the handler set");
            final int size = world.getSize();
            try
            {
                world.send(new int[1], 1, MPI.INT, size + 4, 0);
                Check.fail("a send to a bad rank succeeded");
            }
            catch (final MPIException ex)
            {
                Check.equal(MPI.ERR_RANK, ex.getErrorClass(), "error class of a bad rank");
                Check.equal(MPI.ERR_RANK, ex.getErrorCode(), "error code of a bad rank");
                Check.that(ex.getMessage().contains("send") && ex.getMessage().contains(Integer.toString(size + 4)),
                    "the message names the call and the rank: " + ex.getMessage());
            }
            final Comm child = world.dup();
            Check.equal(MPI.ERRORS_RETURN, child.getErrhandler(), "dup inherits the handler");
            try
            {
                child.recv(new int[1], 1, MPI.INT, 0, -5);
                Check.fail("a receive with a negative tag succeeded");
            }
            catch (final MPIException ex)
            {
                Check.equal(MPI.ERR_TAG, ex.getErrorClass(), "error class of a bad tag");
            }
            try
            {
                world.bcast(new int[1], 1, MPI.INT, size);
                Check.fail("a bcast from a bad root succeeded");
            }
            catch (final MPIException ex)
            {
                Check.equal(MPI.ERR_ROOT, ex.getErrorClass(), "error class of a bad root");
            }
            try
            {
                world.send(new int[1], 2, MPI.INT, 0, 0);
                Check.fail("a send of more items than the array holds succeeded");
            }
            catch (final MPIException ex)
            {
                Check.equal(MPI.ERR_BUFFER, ex.getErrorClass(), "error class of a short buffer");
            }
            try
            {
                world.send(new int[1], -1, MPI.INT, 0, 0);
                Check.fail("a send of a negative count succeeded");
            }
            catch (final MPIException ex)
            {
                Check.equal(MPI.ERR_COUNT, ex.getErrorClass(), "error class of a negative count");
            }
            try
            {
                world.neighborAllGather(new int[1], 1, MPI.INT, new int[1], 1, MPI.INT);
                Check.fail("a neighbour collective without a topology succeeded");
            }
            catch (final MPIException ex)
            {
                Check.equal(MPI.ERR_TOPOLOGY, ex.getErrorClass(), "error class without a topology");
            }
            child.setName("mine");
            waitAllWithATruncatedReceive(child);
            child.free();
            try
            {
                child.barrier();
                Check.fail("a barrier on a freed communicator succeeded");
            }
            catch (final MPIException ex)
            {
                Check.equal(MPI.ERR_COMM, ex.getErrorClass(), "error class of a freed communicator");
            }
            world.setErrhandler(MPI.ERRORS_ARE_FATAL);
            world.barrier();
            System.out.println("ok");
            MPI.Finalize();
        }
    }

    /**
     * Rank 0 waits for three receives from rank 1, the middle one too small, beside a null and an inactive request:
     * waitAll completes them all, then throws the truncation naming the communicator; the others hold their data.
     */
    private static void waitAllWithATruncatedReceive(final Comm comm) throws MPIException
    {
        if (0 == comm.getRank())
        {
            final IntBuffer[] ins = { MPI.newIntBuffer(1), MPI.newIntBuffer(1), MPI.newIntBuffer(1) };
            final Request done = comm.iRecv(MPI.newIntBuffer(1), 1, MPI.INT, MPI.PROC_NULL, 0);
            done.waitFor();
            final Request[] requests = {
                comm.iRecv(ins[0], 1, MPI.INT, 1, 1), null, comm.iRecv(ins[1], 1, MPI.INT, 1, 2), done,
                comm.iRecv(ins[2], 1, MPI.INT, 1, 3) };
            try
            {
                Request.waitAll(requests);
                Check.fail("waitAll with a truncated receive succeeded");
            }
            catch (final MPIException ex)
            {
                Check.equal(MPI.ERR_TRUNCATE, ex.getErrorClass(), "error class of waitAll with a truncation");
                Check.that(ex.getMessage().contains("waitAll on mine"), "the message names the call and the " +
                    "communicator: " + ex.getMessage());
            }
            for (final Request request : requests)
            {
                Check.that(null == request || request.isNull(), "waitAll leaves every request inactive");
            }
            Check.equal(11, ins[0].get(0), "the receive before the truncated one");
            Check.equal(33, ins[2].get(0), "the receive after the truncated one");
        }
        else if (1 == comm.getRank())
        {
            comm.send(new int[]{ 11 }, 1, MPI.INT, 0, 1);
            comm.send(new int[]{ 21, 22 }, 2, MPI.INT, 0, 2);
            comm.send(new int[]{ 33 }, 1, MPI.INT, 0, 3);
        }
    }

    /**
     * Rank 1 sends to a rank that does not exist under the default handler; the others wait in a barrier that the
     * job's end interrupts.
     */
    public static final class Fatal
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            if (1 == MPI.COMM_WORLD.getRank())
            {
                MPI.COMM_WORLD.send(new int[1], 1, MPI.INT, 7, 0);
                System.out.println("survived a fatal error");
            }
            MPI.COMM_WORLD.barrier();
            MPI.Finalize();
        }
    }
}
