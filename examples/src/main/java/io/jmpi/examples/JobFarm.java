package io.jmpi.examples;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Status;

/**
 * Master/worker job farm: rank 0 hands out tasks (count the primes in a range) to whichever worker asks next,
 * receiving results with ANY_SOURCE, until the tasks run out; then it checks the total against a serial count.
 * Usage: {@code JobFarm [limit] [chunk]} (default primes below 2,000,000 in chunks of 20,000).
 */
public final class JobFarm
{
    private static final int TAG_TASK = 1;
    private static final int TAG_RESULT = 2;
    private static final int TAG_STOP = 3;

    private JobFarm()
    {
    }

    /**
     * @param args optional limit and chunk size.
     */
    public static void main(final String[] args)
    {
        final int limit = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        final int chunk = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        try (Mpi mpi = Mpi.init(args))
        {
            final Comm world = mpi.world();
            if (0 == world.rank())
            {
                master(world, limit, chunk);
            }
            else
            {
                worker(world);
            }
        }
    }

    private static void master(final Comm world, final int limit, final int chunk)
    {
        final long[] result = new long[2];
        final int[] task = new int[2];
        final Status status = new Status();
        final int[] tasksPerWorker = new int[world.size()];
        long primes = 0;
        int next = 0;
        int busy = 0;
        for (int worker = 1; worker < world.size() && next < limit; worker++)
        {
            next = handOut(world, worker, task, next, chunk, limit);
            busy++;
        }
        while (busy > 0)
        {
            world.recv(result, 0, 2, Mpi.ANY_SOURCE, TAG_RESULT, status);
            primes += result[0];
            tasksPerWorker[status.source()]++;
            busy--;
            if (next < limit)
            {
                next = handOut(world, status.source(), task, next, chunk, limit);
                busy++;
            }
        }
        for (int worker = 1; worker < world.size(); worker++)
        {
            world.send(task, 0, 0, worker, TAG_STOP);
        }

        final long expected = world.size() > 1 ? countPrimes(0, limit) : primes;
        final StringBuilder share = new StringBuilder();
        for (int worker = 1; worker < world.size(); worker++)
        {
            share.append(' ').append(tasksPerWorker[worker]);
        }
        System.out.println("JobFarm: " + primes + " primes below " + limit + " (serial: " + expected +
            "), tasks per worker:" + share);
        if (primes != expected || (world.size() == 1 && limit > 0))
        {
            System.err.println(world.size() == 1 ? "JobFarm needs at least 2 ranks" : "JobFarm: wrong count");
            System.exit(1);
        }
    }

    private static int handOut(
        final Comm world, final int worker, final int[] task, final int next, final int chunk, final int limit)
    {
        task[0] = next;
        task[1] = Math.min(limit, next + chunk);
        world.send(task, 0, 2, worker, TAG_TASK);
        return task[1];
    }

    private static void worker(final Comm world)
    {
        final int[] task = new int[2];
        final long[] result = new long[2];
        final Status status = new Status();
        while (true)
        {
            world.recv(task, 0, 2, 0, Mpi.ANY_TAG, status);
            if (TAG_STOP == status.tag())
            {
                return;
            }
            result[0] = countPrimes(task[0], task[1]);
            world.send(result, 0, 2, 0, TAG_RESULT);
        }
    }

    private static long countPrimes(final int from, final int to)
    {
        long count = 0;
        for (int candidate = Math.max(2, from); candidate < to; candidate++)
        {
            boolean prime = true;
            for (int d = 2; (long)d * d <= candidate; d++)
            {
                if (0 == candidate % d)
                {
                    prime = false;
                    break;
                }
            }
            if (prime)
            {
                count++;
            }
        }
        return count;
    }
}
