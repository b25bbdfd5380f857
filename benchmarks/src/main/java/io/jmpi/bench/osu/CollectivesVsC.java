package io.jmpi.bench.osu;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Op;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The cost of jmpi's collectives, cold and in the steady state, in the same loops as the C program
 * {@code benchmarks/src/main/c/coll_bench.c} runs on Open MPI; {@code benchmarks/colls-vs-c.sh} runs both and
 * tabulates them side by side.
 * <pre>{@code
 * bin/jrun -np 4 --no-prefix -cp benchmarks/target/benchmarks.jar io.jmpi.bench.osu.CollectivesVsC [--quick]
 * }</pre>
 * Cases: barrier; bcast of 8 B, 64 KiB and 1 MiB from a rotating root (call i has root i % size); reduce to root 0
 * and allreduce, {@link Op#SUM} of doubles, of 8 B, 8 KiB and 1 MiB; gather and scatter (root 0), allgather and
 * alltoall of 1 KiB and 64 KiB of bytes per rank.
 * <p>
 * For each case, after a barrier: the cold cost, the average of the first {@value #COLD_CALLS} calls of the case;
 * then rounds of {@value #WARMUP_FACTOR} * N calls of warm-up until rank 0 has warmed up for
 * {@value #WARMUP_MIN_MS} ms (the JIT needs time, not only calls; the C side does the same); then the steady cost,
 * the average of N calls, with N = 5000 up
 * to 8 KiB, 1000 for 64 KiB and 200 for 1 MiB. Each average is rank 0's time from just after a barrier to just
 * after a barrier that follows the calls, divided by the calls. {@code --quick} divides the cold calls and N by
 * {@value #QUICK_DIVISOR}, to check that everything runs.
 * <p>
 * Rank 0 prints one line per case: {@code case NAME cold_us X steady_us Y}.
 */
public final class CollectivesVsC
{
    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;
    private static final int COLD_CALLS = 1_000;
    private static final int WARMUP_FACTOR = 4;
    private static final int QUICK_DIVISOR = 10;
    private static final long WARMUP_MIN_MS = 1_000;
    private static final int ROOT = 0;

    private final Comm comm;
    private final int divisor;

    private CollectivesVsC(final Comm comm, final int divisor)
    {
        this.comm = comm;
        this.divisor = divisor;
    }

    /**
     * Run every case and print its line at rank 0.
     *
     * @param args {@code --quick} or nothing.
     * @throws IllegalArgumentException for any other argument.
     */
    public static void main(final String[] args)
    {
        final int divisor = quickDivisor(args);
        try (Mpi mpi = Mpi.init(args))
        {
            new CollectivesVsC(mpi.world(), divisor).run();
        }
    }

    private static int quickDivisor(final String[] args)
    {
        if (0 == args.length)
        {
            return 1;
        }
        if (1 == args.length && "--quick".equals(args[0]))
        {
            return QUICK_DIVISOR;
        }
        throw new IllegalArgumentException("usage: CollectivesVsC [--quick], got " + Arrays.toString(args));
    }

    /** N: 5000 calls up to 8 KiB, 1000 up to 64 KiB, 200 above. */
    private static int steadyCalls(final int bytes)
    {
        if (bytes <= 8 * KIB)
        {
            return 5_000;
        }
        return bytes <= 64 * KIB ? 1_000 : 200;
    }

    private void run()
    {
        final int size = comm.size();
        measure("barrier", 0, (i) -> comm.barrier());
        for (final int bytes : new int[]{ 8, 64 * KIB, MIB })
        {
            final byte[] buffer = new byte[bytes];
            measure("bcast_" + label(bytes), bytes, (i) -> comm.bcast(buffer, 0, bytes, i % size));
        }
        for (final int bytes : new int[]{ 8, 8 * KIB, MIB })
        {
            final double[] contribution = contribution(bytes / Double.BYTES);
            final double[] result = new double[contribution.length];
            measure("reduce_" + label(bytes), bytes,
                (i) -> comm.reduce(contribution, 0, result, 0, contribution.length, Op.SUM, ROOT));
        }
        for (final int bytes : new int[]{ 8, 8 * KIB, MIB })
        {
            final double[] contribution = contribution(bytes / Double.BYTES);
            final double[] result = new double[contribution.length];
            measure("allreduce_" + label(bytes), bytes,
                (i) -> comm.allreduce(contribution, 0, result, 0, contribution.length, Op.SUM));
        }
        final int[] blocks = { KIB, 64 * KIB };
        for (final int bytes : blocks)
        {
            final byte[] block = new byte[bytes];
            final byte[] all = new byte[size * bytes];
            measure("gather_" + label(bytes), bytes, (i) -> comm.gather(block, 0, bytes, all, 0, bytes, ROOT));
        }
        for (final int bytes : blocks)
        {
            final byte[] all = new byte[size * bytes];
            final byte[] block = new byte[bytes];
            measure("scatter_" + label(bytes), bytes, (i) -> comm.scatter(all, 0, bytes, block, 0, bytes, ROOT));
        }
        for (final int bytes : blocks)
        {
            final byte[] block = new byte[bytes];
            final byte[] all = new byte[size * bytes];
            measure("allgather_" + label(bytes), bytes, (i) -> comm.allgather(block, 0, bytes, all, 0, bytes));
        }
        for (final int bytes : blocks)
        {
            final byte[] send = new byte[size * bytes];
            final byte[] recv = new byte[size * bytes];
            measure("alltoall_" + label(bytes), bytes, (i) -> comm.alltoall(send, 0, bytes, recv, 0, bytes));
        }
    }

    /** Doubles of value rank + 1, which stay finite under any number of sums. */
    private double[] contribution(final int doubles)
    {
        final double[] contribution = new double[doubles];
        Arrays.fill(contribution, comm.rank() + 1.0);
        return contribution;
    }

    private static String label(final int bytes)
    {
        if (bytes >= MIB)
        {
            return bytes / MIB + "MiB";
        }
        return bytes >= KIB ? bytes / KIB + "KiB" : bytes + "B";
    }

    /**
     * The cold calls, the warm-up and the steady calls of one case; rank 0 prints the case's line.
     *
     * @param name  the case, as coll_bench.c names it.
     * @param bytes the message (per rank for gather, scatter, allgather and alltoall), which sets N.
     * @param call  call i of the collective.
     */
    private void measure(final String name, final int bytes, final IntConsumer call)
    {
        final int steadyCalls = steadyCalls(bytes) / divisor;
        final double coldUs = timeCalls(call, COLD_CALLS / divisor);
        final long warmupStartNs = System.nanoTime();
        final int[] warming = { 1 };
        while (1 == warming[0])
        {
            for (int i = 0; i < WARMUP_FACTOR * steadyCalls; i++)
            {
                call.accept(i);
            }
            warming[0] = System.nanoTime() - warmupStartNs < WARMUP_MIN_MS * 1_000_000 / divisor ? 1 : 0;
            comm.bcast(warming, 0, 1, ROOT);
        }
        final double steadyUs = timeCalls(call, steadyCalls);
        if (0 == comm.rank())
        {
            System.out.printf(Locale.ROOT, "case %s cold_us %.3f steady_us %.3f%n", name, coldUs, steadyUs);
        }
    }

    /** Rank 0's average time per call of {@code calls} calls, in µs, from a barrier to a barrier. */
    private double timeCalls(final IntConsumer call, final int calls)
    {
        comm.barrier();
        final long start = System.nanoTime();
        for (int i = 0; i < calls; i++)
        {
            call.accept(i);
        }
        comm.barrier();
        return (System.nanoTime() - start) / 1e3 / calls;
    }
}
