package io.jmpi.comm;

import io.jmpi.Comm;
import io.jmpi.ErrorClass;
import io.jmpi.ErrorHandler;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
import io.jmpi.Op;
import io.jmpi.Request;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Error handlers of jmpi's own API (MPI-3.1 section 8.3): a communicator's handler sees each failed call on it once,
 * nested calls included, with the error class; new communicators take their parent's handler; a request's errors go
 * to its communicator's, errors outside communicators to the world's; ERRORS_ARE_FATAL ends the job naming the call.
 */
class ErrorHandlerTest
{
    @Test
    void aHandlerSeesEveryFailedCallOnceAndChildrenInheritIt()
    {
        final JobResult result = JobRunner.run(3, Handlers.class).assertSuccess();
        assertEquals(List.of("ok"), result.linesOfRank(0), result.toString());
    }

    @Test
    void errorsAreFatalEndsTheJobNamingTheCallAndTheCommunicator()
    {
        final JobResult result = JobRunner.run(2, Fatal.class);
        assertEquals(ErrorClass.ERR_RANK.code(), result.exitCode(), result.toString());
        final String errors = String.join("\n", result.errorLinesOfRank(1));
        assertTrue(errors.contains("send on mine failed: ERR_RANK") && errors.contains("ERRORS_ARE_FATAL"),
            result.toString());
        assertEquals(List.of(), result.linesOfRank(1), result.toString());
    }

    public static final class Handlers
    {
        private static final List<String> SEEN = new ArrayList<>();

        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int rank = world.rank();
                final int size = world.size();
                check(Mpi.ERRORS_RETURN == world.errorHandler(), "the first handler is ERRORS_RETURN");
                expect(ErrorClass.ERR_RANK, () -> world.send(new int[1], 0, 1, size, 0));
                seen(List.of(), "ERRORS_RETURN records nothing");

                final ErrorHandler recording = (comm, error) -> SEEN.add(comm.name() + " " + error.errorClass());
                world.setErrorHandler(recording);
                expect(ErrorClass.ERR_RANK, () -> world.send(new int[1], 0, 1, size, 0));
                seen(List.of("WORLD ERR_RANK"), "send");
                expect(ErrorClass.ERR_TAG, () -> world.recv(new int[1], 0, 1, 0, -4));
                seen(List.of("WORLD ERR_TAG"), "recv, which calls the receive with a status inside, once");
                expect(ErrorClass.ERR_ROOT, () -> world.bcast(new int[1], 0, 1, size));
                seen(List.of("WORLD ERR_ROOT"), "bcast");
                expect(ErrorClass.ERR_ROOT, () -> world.ibcast(new int[1], 0, 1, -7));
                seen(List.of("WORLD ERR_ROOT"), "ibcast");
                expect(ErrorClass.ERR_BUFFER, mpi::detachBuffer);
                seen(List.of("WORLD ERR_BUFFER"), "an error outside communicators goes to the world's handler");
                expect(ErrorClass.ERR_ARG, () -> world.setErrorHandler(null));
                seen(List.of("WORLD ERR_ARG"), "a null handler");
                check(recording == world.errorHandler(), "the null handler was refused");

                final Comm dup = world.dup();
                dup.setName("dup");
                final Comm split = world.split(rank % 2, rank);
                split.setName("split");
                final Comm created = world.create(world.group().incl(0, 1));
                check(recording == dup.errorHandler() && recording == split.errorHandler() &&
                    (null == created) == (rank > 1) && (null == created || recording == created.errorHandler()),
                    "dup, split and create inherit the handler");
                expect(ErrorClass.ERR_COUNT, () -> split.send(new int[1], 0, -1, 0, 0));
                seen(List.of("split ERR_COUNT"), "a split communicator's handler");

                truncate(dup, rank);

                dup.setErrorHandler(Mpi.ERRORS_RETURN);
                expect(ErrorClass.ERR_RANK, () -> dup.send(new int[1], 0, 1, size, 0));
                seen(List.of(), "ERRORS_RETURN set again");
                check(recording == world.errorHandler(), "the parent keeps its own handler");
                world.allreduce(new int[] { 1 }, 0, new int[1], 0, 1, Op.SUM);
                if (0 == rank)
                {
                    System.out.println("ok");
                }
            }
        }

        /**
         * Rank 0 sends 4 ints that ranks 1 receive into 2: the wait of each request fails under the communicator's
         * handler, through waitFor and through waitAll.
         */
        private static void truncate(final Comm dup, final int rank)
        {
            if (0 == rank)
            {
                dup.send(new int[4], 0, 4, 1, 1);
                dup.send(new int[4], 0, 4, 1, 2);
            }
            else if (1 == rank)
            {
                final Request single = dup.irecv(new int[2], 0, 2, 0, 1);
                expect(ErrorClass.ERR_TRUNCATE, single::waitFor);
                seen(List.of("dup ERR_TRUNCATE"), "waitFor");
                final Request inAll = dup.irecv(new int[2], 0, 2, 0, 2);
                expect(ErrorClass.ERR_TRUNCATE, () -> Request.waitAll(inAll));
                seen(List.of("dup ERR_TRUNCATE"), "waitAll");
            }
        }

        private static void seen(final List<String> expected, final String what)
        {
            check(expected.equals(SEEN), what + ": the handler saw " + SEEN + ", not " + expected);
            SEEN.clear();
        }
    }

    /**
     * Rank 1 sends to a rank that does not exist on a duplicate of the world, which inherits ERRORS_ARE_FATAL.
     */
    public static final class Fatal
    {
        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                world.setErrorHandler(Mpi.ERRORS_ARE_FATAL);
                final Comm mine = world.dup();
                mine.setName("mine");
                if (1 == world.rank())
                {
                    mine.send(new int[1], 0, 1, 7, 0);
                    System.out.println("survived");
                }
                else
                {
                    world.recv(new int[1], 0, 1, 1, 0);
                }
            }
        }
    }

    static void expect(final ErrorClass errorClass, final Runnable call)
    {
        try
        {
            call.run();
        }
        catch (final MpiException ex)
        {
            check(errorClass == ex.errorClass(), "expected " + errorClass + ", got " + ex);
            return;
        }
        throw new AssertionError("expected " + errorClass + ", the call succeeded");
    }

    static void check(final boolean condition, final String what)
    {
        if (!condition)
        {
            throw new AssertionError(what);
        }
    }
}
