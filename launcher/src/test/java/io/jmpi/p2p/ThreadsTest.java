package io.jmpi.p2p;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Request;
import io.jmpi.Status;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * MPI_THREAD_MULTIPLE: four threads per rank send to and receive from every other rank at once, with blocking and
 * non-blocking calls, eager and rendezvous sizes; nothing is lost, nothing deadlocks.
 */
class ThreadsTest
{
    static final int THREADS = 4;
    static final int ROUNDS = 300;

    @Test
    void fourThreadsPerRankExchangeWithoutLossOrDeadlock()
    {
        final JobResult result = JobRunner.run(3, Threaded.class).assertSuccess();
        for (int rank = 0; rank < 3; rank++)
        {
            assertEquals(List.of("threads ok: " + THREADS * ROUNDS * 2 * 2 + " messages"), result.linesOfRank(rank));
        }
    }

    public static final class Threaded
    {
        public static void main(final String[] args) throws InterruptedException
        {
            try (Mpi mpi = Mpi.init(args))
            {
                Payloads.checkEquals(Mpi.THREAD_MULTIPLE, mpi.threadLevel(), "thread level");
                final Comm world = mpi.world();
                final AtomicReference<Throwable> failure = new AtomicReference<>();
                final List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < THREADS; t++)
                {
                    final int thread = t;
                    final Thread worker = new Thread(() -> exchange(world, thread));
                    worker.setUncaughtExceptionHandler((th, ex) -> failure.compareAndSet(null, ex));
                    threads.add(worker);
                    worker.start();
                }
                for (final Thread thread : threads)
                {
                    thread.join();
                }
                if (null != failure.get())
                {
                    throw new AssertionError("a thread failed", failure.get());
                }
                System.out.println("threads ok: " + THREADS * ROUNDS * (world.size() - 1) * 2 + " messages");
            }
        }

        /**
         * Thread t of every rank talks to thread t of every other rank on tag t, so each pair is one ordered stream.
         */
        private static void exchange(final Comm world, final int thread)
        {
            final int me = world.rank();
            final int size = world.size();
            final Status status = new Status();
            final byte[] in = new byte[64 * 1024];
            for (int round = 0; round < ROUNDS; round++)
            {
                final int length = 0 == round % 50 ? 40_000 + round : round % 200;
                final List<Request> sends = new ArrayList<>();
                for (int peer = 0; peer < size; peer++)
                {
                    if (peer != me)
                    {
                        final byte[] out = Payloads.bytes(length, Payloads.seed(me, peer, round * 16L + thread));
                        sends.add(0 == round % 3 ?
                            world.issend(out, 0, length, peer, thread) : world.isend(out, 0, length, peer, thread));
                    }
                }
                for (int peer = 0; peer < size; peer++)
                {
                    if (peer != me)
                    {
                        world.recv(in, 0, in.length, peer, thread, status);
                        Payloads.checkEquals(length, status.bytes(), "length from " + peer);
                        Payloads.check(in, length, Payloads.seed(peer, me, round * 16L + thread),
                            "thread " + thread + " round " + round + " from " + peer);
                    }
                }
                Request.waitAll(sends.toArray(new Request[0]));
            }
        }
    }
}
