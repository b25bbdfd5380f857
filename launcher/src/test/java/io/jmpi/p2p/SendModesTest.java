package io.jmpi.p2p;

import io.jmpi.Comm;
import io.jmpi.ErrorClass;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
import io.jmpi.Request;
import io.jmpi.Status;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The completion rule of each send mode. Rank 1 announces that it is about to post its receive with a NOTICE
 * message sent just before; whether the NOTICE has arrived when a send completes tells, without timing, whether
 * the send waited for the receive.
 */
class SendModesTest
{
    static final int NOTICE = 99;
    static final int DATA = 5;

    @Test
    void ssendCompletesOnlyAfterTheReceiveIsPostedWhileStandardAndBufferedSendsDoNot()
    {
        final JobResult result = JobRunner.run(2, Modes.class).assertSuccess();
        assertEquals(List.of(
            "send returned before the receive was posted",
            "bsend returned before the receive was posted",
            "ssend returned after the receive was posted",
            "issend completed after the receive was posted",
            "large ssend returned after the receive was posted",
            "bsend errors ok",
            "detach returned after delivery"), result.linesOfRank(0));
    }

    @Test
    void sendrecvRingShiftCompletesForSmallAndLargeMessages()
    {
        final JobResult result = JobRunner.run(4, RingShift.class).assertSuccess();
        assertEquals(List.of("shift ok 8", "shift ok 67108864", "replace ok 8", "replace ok 1048576"),
            result.linesOfRank(3));
    }

    @Test
    void messageOf256MiBArrivesIntact()
    {
        JobRunner.run(List.of("-J-Xmx1g"), JobRunner.DEFAULT_TIMEOUT, 2, Huge.class).assertSuccess();
    }

    public static final class Modes
    {
        public static void main(final String[] args) throws InterruptedException
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final byte[] small = { 1, 2, 3, 4, 5, 6, 7, 8 };
                final byte[] large = Payloads.bytes(1 << 20, 42);
                if (0 == world.rank())
                {
                    world.send(small, 0, small.length, 1, DATA);
                    report(world, "send returned", false);

                    mpi.attachBuffer(new byte[1 << 16]);
                    world.bsend(small, 0, small.length, 1, DATA);
                    report(world, "bsend returned", false);

                    world.ssend(small, 0, small.length, 1, DATA);
                    report(world, "ssend returned", true);

                    final Request request = world.issend(small, 0, small.length, 1, DATA);
                    request.waitFor();
                    report(world, "issend completed", true);

                    world.ssend(large, 0, large.length, 1, DATA);
                    report(world, "large ssend returned", true);

                    expectError(ErrorClass.ERR_BUFFER, () -> world.bsend(large, 0, large.length, 1, DATA));
                    expectError(ErrorClass.ERR_BUFFER, () -> mpi.attachBuffer(new byte[8]));
                    System.out.println("bsend errors ok");

                    for (int i = 0; i < 4; i++)
                    {
                        world.bsend(small, 0, small.length, 1, DATA + 1);
                    }
                    mpi.detachBuffer();
                    expectError(ErrorClass.ERR_BUFFER, () -> world.bsend(small, 0, small.length, 1, DATA));
                    world.send(small, 0, 0, 1, DATA + 2);
                    System.out.println("detach returned after delivery");
                }
                else
                {
                    for (int i = 0; i < 5; i++)
                    {
                        final byte[] into = new byte[large.length];
                        Thread.sleep(1000);
                        world.send(small, 0, 0, 0, NOTICE);
                        final Status status = world.recv(into, 0, into.length, 0, DATA);
                        final int length = 4 == i ? large.length : small.length;
                        Payloads.checkEquals(length, status.count(), "length of message " + i);
                        if (4 == i)
                        {
                            Payloads.check(into, length, 42, "large ssend");
                        }
                    }
                    final byte[] into = new byte[8];
                    for (int i = 0; i < 4; i++)
                    {
                        world.recv(into, 0, into.length, 0, DATA + 1);
                    }
                    world.recv(into, 0, 0, 0, DATA + 2);
                }
            }
        }

        private static void report(final Comm world, final String what, final boolean expectNotice)
        {
            final Status status = new Status();
            final boolean noticed = world.iprobe(1, NOTICE, status);
            if (noticed != expectNotice)
            {
                throw new AssertionError(what + (noticed ? " after" : " before") + " the receive was posted");
            }
            System.out.println(what + (noticed ? " after" : " before") + " the receive was posted");
            world.recv(new byte[0], 0, 0, 1, NOTICE);
        }

        static void expectError(final ErrorClass expected, final Runnable call)
        {
            try
            {
                call.run();
            }
            catch (final MpiException ex)
            {
                Payloads.checkEquals(expected, ex.errorClass(), "error class of: " + ex.getMessage());
                return;
            }
            throw new AssertionError("expected " + expected);
        }
    }

    public static final class RingShift
    {
        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int me = world.rank();
                final int size = world.size();
                final int right = (me + 1) % size;
                final int left = (me + size - 1) % size;
                final Status status = new Status();
                for (final int length : new int[]{ 8, 64 << 20 })
                {
                    final byte[] out = Payloads.bytes(length, Payloads.seed(me, right, length));
                    final byte[] in = new byte[length];
                    world.sendrecv(out, 0, length, right, 3, in, 0, length, left, 3, status);
                    Payloads.check(in, length, Payloads.seed(left, me, length), "sendrecv from " + left);
                    Payloads.checkEquals(left, status.source(), "source");
                    System.out.println("shift ok " + length);
                }
                for (final int length : new int[]{ 8, 1 << 20 })
                {
                    final byte[] data = Payloads.bytes(length, Payloads.seed(me, right, -length));
                    world.sendrecvReplace(data, 0, length, right, 4, Mpi.ANY_SOURCE, 4, status);
                    Payloads.check(data, length, Payloads.seed(left, me, -length), "sendrecvReplace from " + left);
                    Payloads.checkEquals(left, status.source(), "source");
                    System.out.println("replace ok " + length);
                }
            }
        }
    }

    public static final class Huge
    {
        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int length = 256 << 20;
                if (0 == world.rank())
                {
                    world.send(Payloads.bytes(length, 256), 0, length, 1, 1);
                }
                else
                {
                    final byte[] in = new byte[length];
                    final Status status = world.recv(in, 0, length, 0, 1);
                    Payloads.checkEquals(length, status.count(), "count");
                    Payloads.check(in, length, 256, "256 MiB message");
                }
            }
        }
    }
}
