package io.jmpi.bench.coll;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Op;

import java.util.Arrays;

/**
 * Broadcast by multicast against broadcast along a binomial tree, for 8 B, 64 KiB and 1 MiB (or the sizes given),
 * on the ranks of the job; run it once per job size to compare sizes.
 * <pre>{@code
 * for n in 2 4 8; do bin/jrun -np $n --no-prefix -cp benchmarks/target/benchmarks.jar \
 *     io.jmpi.bench.coll.BcastBenchmark [repeats [bytes...]]; done
 * }</pre>
 * For each case every rank times each broadcast from rank 0 alone, with a barrier between broadcasts; a rank's
 * latency is the mean of its timed calls, and a case's latency is the largest over the ranks: the time until the
 * last rank has the message (a multicast root returns as soon as the message is in the stream, before the others
 * have read it). Each case is measured {@code repeats} times (default 5), alternating the algorithms, and the table
 * shows the median and the range.
 */
public final class BcastBenchmark
{
    private static final int[] DEFAULT_SIZES = { 8, 64 * 1024, 1024 * 1024 };
    private static final String[] ALGORITHMS = { "multicast", "binomial" };
    private static final String PROPERTY = "jmpi.coll.bcast.algorithm";

    private BcastBenchmark()
    {
    }

    /**
     * Run every case and print the table at rank 0.
     *
     * @param args optional number of repeats of each case, then optional message sizes in bytes.
     */
    public static void main(final String[] args)
    {
        final int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        final int[] sizes = args.length > 1 ?
            Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray() : DEFAULT_SIZES;
        try (Mpi mpi = Mpi.init(args))
        {
            final Comm world = mpi.world();
            final boolean printer = 0 == world.rank();
            if (printer)
            {
                System.out.printf("# %d ranks: broadcast latency in microseconds, median [min-max] of %d runs%n",
                    world.size(), repeats);
                System.out.printf("%-6s %8s %22s %22s %9s%n", "ranks", "bytes", "multicast", "binomial", "speedup");
            }
            for (final int bytes : sizes)
            {
                final double[][] results = new double[ALGORITHMS.length][repeats];
                for (int run = 0; run < repeats; run++)
                {
                    for (int a = 0; a < ALGORITHMS.length; a++)
                    {
                        results[a][run] = measure(world, ALGORITHMS[a], bytes);
                    }
                }
                if (printer)
                {
                    Arrays.sort(results[0]);
                    Arrays.sort(results[1]);
                    final double multicast = results[0][repeats / 2];
                    final double binomial = results[1][repeats / 2];
                    System.out.printf("%-6d %8d %22s %22s %8.2fx%n", world.size(), bytes,
                        cell(results[0]), cell(results[1]), binomial / multicast);
                }
            }
        }
    }

    private static double measure(final Comm comm, final String algorithm, final int bytes)
    {
        System.setProperty(PROPERTY, algorithm);
        final int iterations = bytes <= 1024 ? 2000 : bytes <= 64 * 1024 ? 500 : 100;
        final int warmup = iterations / 5;
        final byte[] buffer = new byte[bytes];
        long timedNs = 0;
        comm.barrier();
        for (int i = 0; i < warmup + iterations; i++)
        {
            final long start = System.nanoTime();
            comm.bcast(buffer, 0, bytes, 0);
            final long elapsedNs = System.nanoTime() - start;
            if (i >= warmup)
            {
                timedNs += elapsedNs;
            }
            comm.barrier();
        }
        System.clearProperty(PROPERTY);
        final double[] mean = { timedNs / 1e3 / iterations };
        final double[] max = new double[1];
        comm.reduce(mean, 0, max, 0, 1, Op.MAX, 0);
        return max[0];
    }

    private static String cell(final double[] sorted)
    {
        return String.format("%.1f [%.1f-%.1f]", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }
}
