package io.jmpi.p2p;

import io.jmpi.Comm;
import io.jmpi.ErrorClass;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
import io.jmpi.Op;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The table of bad API input: each call must raise an MpiException of the expected error class, and a message
 * sent afterwards must still arrive, so no bad call has disturbed the runtime.
 */
class ErrorTableTest
{
    static final Map<String, ErrorClass> TABLE = new LinkedHashMap<>();

    static
    {
        TABLE.put("send to rank == size", ErrorClass.ERR_RANK);
        TABLE.put("send to rank -5", ErrorClass.ERR_RANK);
        TABLE.put("recv from rank == size", ErrorClass.ERR_RANK);
        TABLE.put("send with tag -1", ErrorClass.ERR_TAG);
        TABLE.put("recv with tag -7", ErrorClass.ERR_TAG);
        TABLE.put("send count -1", ErrorClass.ERR_COUNT);
        TABLE.put("recv count -1", ErrorClass.ERR_COUNT);
        TABLE.put("send offset -1", ErrorClass.ERR_BUFFER);
        TABLE.put("send offset+count beyond array", ErrorClass.ERR_BUFFER);
        TABLE.put("recv offset+count beyond array", ErrorClass.ERR_BUFFER);
        TABLE.put("send null buffer", ErrorClass.ERR_BUFFER);
        TABLE.put("recv null buffer", ErrorClass.ERR_BUFFER);
        TABLE.put("send a String as buffer", ErrorClass.ERR_TYPE);
        TABLE.put("recv into read-only ByteBuffer", ErrorClass.ERR_BUFFER);
        TABLE.put("isend to rank == size", ErrorClass.ERR_RANK);
        TABLE.put("irecv count -1", ErrorClass.ERR_COUNT);
        TABLE.put("ssend null buffer", ErrorClass.ERR_BUFFER);
        TABLE.put("bsend without attached buffer", ErrorClass.ERR_BUFFER);
        TABLE.put("detach without attached buffer", ErrorClass.ERR_BUFFER);
        TABLE.put("attach a String", ErrorClass.ERR_BUFFER);
        TABLE.put("sendObjects offset beyond array", ErrorClass.ERR_BUFFER);
        TABLE.put("probe source == size", ErrorClass.ERR_RANK);
        TABLE.put("recvObjects of a class outside the filter", ErrorClass.ERR_OTHER);
        TABLE.put("split with color -3", ErrorClass.ERR_ARG);
        TABLE.put("free the world", ErrorClass.ERR_COMM);
        TABLE.put("send on a freed communicator", ErrorClass.ERR_COMM);
        TABLE.put("group incl of rank == size", ErrorClass.ERR_RANK);
        TABLE.put("bcast root == size", ErrorClass.ERR_ROOT);
        TABLE.put("reduce root -1", ErrorClass.ERR_ROOT);
        TABLE.put("user op without function", ErrorClass.ERR_OP);
        TABLE.put("second init", ErrorClass.ERR_OTHER);
        TABLE.put("send after close", ErrorClass.ERR_OTHER);
        TABLE.put("world after close", ErrorClass.ERR_OTHER);
    }

    @Test
    void everyBadInputRaisesItsErrorClass()
    {
        final JobResult result = JobRunner.run(2, BadCalls.class).assertSuccess();
        final List<String> expected = TABLE.entrySet().stream()
            .map(e -> e.getKey() + " -> " + e.getValue()).toList();
        assertEquals(expected, result.linesOfRank(0).subList(0, TABLE.size()));
        assertEquals("runtime intact after every bad call", result.linesOfRank(0).get(TABLE.size()));
    }

    public static final class BadCalls
    {
        public static void main(final String[] args)
        {
            final Mpi mpi = Mpi.init(args);
            final Comm world = mpi.world();
            final int size = world.size();
            final byte[] buffer = new byte[8];
            final Map<String, Runnable> calls = new LinkedHashMap<>();
            calls.put("send to rank == size", () -> world.send(buffer, 0, 1, size, 0));
            calls.put("send to rank -5", () -> world.send(buffer, 0, 1, -5, 0));
            calls.put("recv from rank == size", () -> world.recv(buffer, 0, 1, size, 0));
            calls.put("send with tag -1", () -> world.send(buffer, 0, 1, 1, -1));
            calls.put("recv with tag -7", () -> world.recv(buffer, 0, 1, 1, -7));
            calls.put("send count -1", () -> world.send(buffer, 0, -1, 1, 0));
            calls.put("recv count -1", () -> world.recv(buffer, 0, -1, 1, 0));
            calls.put("send offset -1", () -> world.send(buffer, -1, 1, 1, 0));
            calls.put("send offset+count beyond array", () -> world.send(buffer, 4, 5, 1, 0));
            calls.put("recv offset+count beyond array", () -> world.recv(buffer, 8, 1, 1, 0));
            calls.put("send null buffer", () -> world.send(null, 0, 1, 1, 0));
            calls.put("recv null buffer", () -> world.recv(null, 0, 1, 1, 0));
            calls.put("send a String as buffer", () -> world.send("text", 0, 1, 1, 0));
            calls.put("recv into read-only ByteBuffer",
                () -> world.recv(ByteBuffer.allocate(8).asReadOnlyBuffer(), 0, 8, 1, 0));
            calls.put("isend to rank == size", () -> world.isend(buffer, 0, 1, size, 0));
            calls.put("irecv count -1", () -> world.irecv(buffer, 0, -1, 1, 0));
            calls.put("ssend null buffer", () -> world.ssend(null, 0, 1, 1, 0));
            calls.put("bsend without attached buffer", () -> world.bsend(buffer, 0, 1, 1, 0));
            calls.put("detach without attached buffer", mpi::detachBuffer);
            calls.put("attach a String", () -> mpi.attachBuffer("text"));
            calls.put("sendObjects offset beyond array", () -> world.sendObjects(new Object[1], 1, 1, 1, 0));
            calls.put("probe source == size", () -> world.probe(size, 0));
            calls.put("recvObjects of a class outside the filter", () ->
            {
                world.sendObjects(new Object[]{ objectName() }, 0, 1, world.rank(), 5);
                world.recvObjects(new Object[1], 0, 1, world.rank(), 5);
            });
            calls.put("split with color -3", () -> world.split(-3, 0));
            calls.put("free the world", world::free);
            calls.put("send on a freed communicator", () ->
            {
                final Comm dup = world.dup();
                dup.free();
                dup.send(buffer, 0, 1, 1, 0);
            });
            calls.put("group incl of rank == size", () -> world.group().incl(size));
            calls.put("bcast root == size", () -> world.bcast(buffer, 0, 1, size));
            calls.put("reduce root -1", () -> world.reduce(buffer, 0, buffer, 0, 1, Op.user((a, b, c, d, e, f) -> { }, true), -1));
            calls.put("user op without function", () -> Op.user(null, true));
            calls.put("second init", () -> Mpi.init(args));

            final boolean reporter = 0 == world.rank();
            for (final Map.Entry<String, Runnable> call : calls.entrySet())
            {
                report(reporter, call.getKey(), call.getValue());
            }

            final int[] token = { 41 };
            if (reporter)
            {
                world.send(token, 0, 1, 1, 9);
                world.recv(token, 0, 1, 1, 9);
            }
            else
            {
                world.recv(token, 0, 1, 0, 9);
                token[0]++;
                world.send(token, 0, 1, 0, 9);
            }
            mpi.close();

            report(reporter, "send after close", () -> world.send(buffer, 0, 1, 1, 0));
            report(reporter, "world after close", mpi::world);
            if (reporter)
            {
                Payloads.checkEquals(42, token[0], "token");
                System.out.println("runtime intact after every bad call");
            }
        }

        private static Object objectName()
        {
            try
            {
                return new javax.management.ObjectName("jmpi:type=Table");
            }
            catch (final javax.management.MalformedObjectNameException ex)
            {
                throw new AssertionError(ex);
            }
        }

        private static void report(final boolean reporter, final String what, final Runnable call)
        {
            try
            {
                call.run();
                throw new AssertionError(what + " raised nothing");
            }
            catch (final MpiException ex)
            {
                Payloads.checkTrue(!ex.getMessage().isBlank(), what + " has a message");
                if (reporter)
                {
                    System.out.println(what + " -> " + ex.errorClass());
                }
            }
        }
    }
}
