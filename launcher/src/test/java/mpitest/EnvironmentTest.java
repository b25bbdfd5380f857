package mpitest;

import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Init and Init_thread, thread levels and several threads per rank, time, processor name, arguments, Abort, an
 * exception thrown out of main, and the mpiJava example programs.
 */
class EnvironmentTest
{
    @Test
    void initThreadsAndTime()
    {
        final JobResult result = JobRunner.run(2, Environment.class, "first", "second").assertSuccess();
        assertEquals(List.of("args [first, second]", "ok"), result.linesOfRank(0));
    }

    @Test
    void abortEndsTheJobWithItsCode()
    {
        final JobResult result = JobRunner.run(3, Aborting.class);
        assertEquals(3, result.exitCode(), result.toString());
    }

    @Test
    void anExceptionOutOfMainEndsTheJob()
    {
        final JobResult result = JobRunner.run(2, Throwing.class);
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("mpi.MPIException: ERR_TRUNCATE"), result.toString());
    }

    @Test
    void examplePrograms()
    {
        final JobResult pi = JobRunner.run(4, io.jmpi.examples.mpijava.Pi.class, "2000000").assertSuccess();
        assertTrue(pi.linesOfRank(0).get(0).startsWith("pi is approximately 3.14"), pi.toString());
        final JobResult pingPong = JobRunner.run(2, io.jmpi.examples.mpijava.PingPong.class, "20").assertSuccess();
        assertEquals(13, pingPong.linesOfRank(0).size(), pingPong.toString());
    }

    public static final class Environment
    {
        public static void main(final String[] args) throws Exception
        {
            Check.that(!MPI.Initialized(), "Initialized before Init");
            final int provided = MPI.Init_thread(args, MPI.THREAD_MULTIPLE);
            Check.equal(MPI.THREAD_MULTIPLE, provided, "Init_thread provides THREAD_MULTIPLE");
            Check.equal(MPI.THREAD_MULTIPLE, MPI.Query_thread(), "Query_thread");
            Check.equal(MPI.THREAD_MULTIPLE, MPI.queryThread(), "queryThread");
            Check.that(MPI.Initialized(), "Initialized after Init");
            Check.that(MPI.Is_thread_main() && MPI.isMainThread(), "Is_thread_main in the main thread");
            try
            {
                MPI.Init(args);
                Check.fail("a second Init");
            }
            catch (final MPIException expected)
            {
                Check.that(null != expected.getMessage(), "a second Init fails");
            }
            final Intracomm world = MPI.COMM_WORLD;
            final int rank = world.Rank();
            final int peer = 1 - rank;

            final double start = MPI.Wtime();
            Thread.sleep(20);
            Check.that(MPI.Wtime() - start >= 0.015, "Wtime measures elapsed seconds");
            Check.that(MPI.Wtick() > 0 && MPI.Wtick() < 1e-3, "Wtick");
            Check.that(!MPI.Get_processor_name().isEmpty(), "Get_processor_name");

            final int threads = 4;
            final int messages = 200;
            final AtomicBoolean mainElsewhere = new AtomicBoolean();
            final Thread[] workers = new Thread[threads];
            final Throwable[] failures = new Throwable[threads];
            for (int t = 0; t < threads; t++)
            {
                final int thread = t;
                workers[t] = new Thread(() ->
                {
                    try
                    {
                        mainElsewhere.compareAndSet(false, MPI.Is_thread_main());
                        final int[] in = new int[1];
                        for (int m = 0; m < messages; m++)
                        {
                            world.Sendrecv(new int[]{ 1000 * thread + m }, 0, 1, MPI.INT, peer, thread,
                                in, 0, 1, MPI.INT, peer, thread);
                            if (in[0] != 1000 * thread + m)
                            {
                                throw new AssertionError("thread " + thread + " message " + m + ": " + in[0]);
                            }
                        }
                    }
                    catch (final Throwable failure)
                    {
                        failures[thread] = failure;
                    }
                });
                workers[t].start();
            }
            for (int t = 0; t < threads; t++)
            {
                workers[t].join();
                Check.that(null == failures[t], "thread " + t + ": " + failures[t]);
            }
            Check.that(!mainElsewhere.get(), "Is_thread_main is false in other threads");

            world.Barrier();
            MPI.Finalize();
            Check.that(MPI.Initialized(), "Initialized after Finalize");
            if (0 == rank)
            {
                System.out.println("args " + java.util.Arrays.toString(args));
                System.out.println("ok");
            }
        }
    }

    public static final class Aborting
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            if (1 == MPI.COMM_WORLD.Rank())
            {
                MPI.COMM_WORLD.Abort(3);
            }
            MPI.COMM_WORLD.Recv(new int[1], 0, 1, MPI.INT, 1, 0);
            MPI.Finalize();
        }
    }

    public static final class Throwing
    {
        public static void main(final String[] args) throws MPIException
        {
            MPI.Init(args);
            if (0 == MPI.COMM_WORLD.Rank())
            {
                MPI.COMM_WORLD.Send(new int[2], 0, 2, MPI.INT, 1, 0);
            }
            else
            {
                MPI.COMM_WORLD.Recv(new int[1], 0, 1, MPI.INT, 0, 0);
            }
            MPI.COMM_WORLD.Recv(new int[1], 0, 1, MPI.INT, MPI.ANY_SOURCE, 1);
            MPI.Finalize();
        }
    }
}
