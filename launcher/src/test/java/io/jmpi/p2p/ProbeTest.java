package io.jmpi.p2p;

import io.jmpi.Comm;
import io.jmpi.ErrorClass;
import io.jmpi.Message;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
import io.jmpi.Status;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * probe, iprobe, and matched probes racing in several threads.
 */
class ProbeTest
{
    @Test
    void probesSeeMessagesWithoutReceivingThem()
    {
        final JobResult result = JobRunner.run(2, Probes.class).assertSuccess();
        assertEquals(List.of("iprobe ok", "probe ok", "mprobe ok", "mprobe PROC_NULL ok"), result.linesOfRank(0));
    }

    public static final class Probes
    {
        static final int THREADS = 4;
        static final int PER_THREAD = 200;

        public static void main(final String[] args) throws InterruptedException
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                if (1 == world.rank())
                {
                    world.recv(new byte[0], 0, 0, 0, 1);
                    world.send(new int[]{ 1, 2, 3 }, 0, 3, 0, 7);
                    world.send(new byte[100_000], 0, 100_000, 0, 8);
                    for (int i = 0; i < THREADS * PER_THREAD; i++)
                    {
                        final int length = 1 + i % 5000;
                        world.send(Payloads.bytes(length, i), 0, length, 0, 1000 + i);
                    }
                    return;
                }

                final Status status = new Status();
                Payloads.checkTrue(!world.iprobe(1, Mpi.ANY_TAG, status), "nothing has been sent yet");
                world.send(new byte[0], 0, 0, 1, 1);
                final Status seven = world.probe(Mpi.ANY_SOURCE, 7);
                Payloads.checkEquals(12, seven.bytes(), "probed size");
                Payloads.checkEquals(3, seven.count(io.jmpi.Datatype.INT), "probed count in ints");
                Payloads.checkTrue(world.iprobe(1, 7, status), "probing again finds the same message");
                final int[] ints = new int[3];
                world.recv(ints, 0, 3, 1, 7);
                Payloads.checkEquals(3, ints[2], "received after probing");
                System.out.println("iprobe ok");

                final Status eight = world.probe(1, Mpi.ANY_TAG);
                Payloads.checkEquals(8, eight.tag(), "probe with ANY_TAG");
                Payloads.checkEquals(100_000, eight.bytes(), "size of a rendezvous message");
                world.recv(new byte[100_000], 0, 100_000, 1, 8);
                System.out.println("probe ok");

                final AtomicInteger received = new AtomicInteger();
                final Thread[] threads = new Thread[THREADS];
                for (int t = 0; t < THREADS; t++)
                {
                    threads[t] = new Thread(() ->
                    {
                        for (int i = 0; i < PER_THREAD; i++)
                        {
                            final Message message = world.mprobe(1, Mpi.ANY_TAG);
                            final byte[] into = new byte[message.status().bytes()];
                            final Status got = message.recv(into, 0, into.length);
                            final int index = got.tag() - 1000;
                            Payloads.check(into, 1 + index % 5000, index, "matched message " + index);
                            received.incrementAndGet();
                            try
                            {
                                message.recv(into, 0, into.length);
                                throw new AssertionError("a message was received twice");
                            }
                            catch (final MpiException ex)
                            {
                                Payloads.checkEquals(ErrorClass.ERR_REQUEST, ex.errorClass(), "second receive");
                            }
                        }
                    });
                    threads[t].start();
                }
                for (final Thread thread : threads)
                {
                    thread.join();
                }
                Payloads.checkEquals(THREADS * PER_THREAD, received.get(), "messages received by matched probes");
                System.out.println("mprobe ok");

                // MPI_MESSAGE_NO_PROC: at once, and received (as often as asked) as a receive from PROC_NULL
                for (final Message none : new Message[]{
                    world.mprobe(Mpi.PROC_NULL, 3), world.improbe(Mpi.PROC_NULL, Mpi.ANY_TAG) })
                {
                    final int[] kept = { 42 };
                    for (final Status noProcess : new Status[]{
                        none.status(), none.recv(kept, 0, 1), none.recv(kept, 0, 1) })
                    {
                        Payloads.checkEquals(Mpi.PROC_NULL, noProcess.source(), "source of the no-process message");
                        Payloads.checkEquals(Mpi.ANY_TAG, noProcess.tag(), "tag of the no-process message");
                        Payloads.checkEquals(0, noProcess.bytes(), "size of the no-process message");
                    }
                    Payloads.checkEquals(42, kept[0], "buffer after receiving the no-process message");
                }
                System.out.println("mprobe PROC_NULL ok");
            }
        }
    }
}
