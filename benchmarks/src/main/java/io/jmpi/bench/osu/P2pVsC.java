package io.jmpi.bench.osu;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Request;
import io.jmpi.Status;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Point-to-point latency and bandwidth of jmpi in the same loops as the C program
 * {@code benchmarks/src/main/c/p2p_bench.c} runs on Open MPI; {@code benchmarks/p2p-vs-c.sh} runs both, and
 * {@code io.jmpi.bench.AeronPingPong} on raw Aeron, and tabulates them side by side.
 * <pre>{@code
 * bin/jrun -np 2 --no-prefix -cp benchmarks/target/benchmarks.jar io.jmpi.bench.osu.P2pVsC [--quick] [--buffers heap|direct|shared]
 * }</pre>
 * Exactly 2 ranks, and in this order, with the sizes and counts of {@link P2pSchedule}:
 * <ul>
 *     <li>cold: straight after {@link Mpi#init(String[])} (which ends in a barrier of its own), the first round trips
 *     of 8 B, before anything else has run the path or its code: their mean half round trip;</li>
 *     <li>latency: rank 0 sends the message with {@link Comm#send} and rank 1 sends it back; rank 0 times each round
 *     trip on its own, and reports the mean, median and 99th percentile of the half round trips;</li>
 *     <li>bandwidth: as osu_bw, windows of {@link OsuBandwidth#WINDOW} {@link Comm#isend} at rank 0 matched by as
 *     many {@link Comm#irecv} at rank 1, {@link Request#waitAll} on both sides, then a 1-byte acknowledgement from
 *     rank 1. Unlike osu_bw (and {@link OsuBandwidth}), each message of a window has a buffer of its own, placed by
 *     {@link P2pSchedule#windowStride(int)}. The bandwidth is the bytes of the timed windows over rank 0's time from a
 *     barrier to the last acknowledgement, in MB/s (10^6 bytes per second).</li>
 * </ul>
 * Before the timed round trips or windows of each size: warm-up rounds until rank 0 has warmed up for
 * {@link P2pSchedule#warmupMinNs()}, then a barrier. {@code --quick} is quick mode, {@code --buffers} chooses the
 * {@link Memory} messages live in (default heap).
 * <p>
 * Rank 0 prints the lines of {@link RoundTrips} and, for bandwidth, {@code bandwidth BYTES mb_per_s X}.
 */
public final class P2pVsC
{
    private static final int ROOT = 0;
    private static final int PING_TAG = 1;
    private static final int DATA_TAG = 2;
    private static final int ACK_TAG = 3;
    private static final int ACK_BYTES = 1;
    private static final String USAGE = "usage: P2pVsC [--quick] [--buffers heap|direct|shared]";

    /**
     * The memory every message of a run lives in. Counts and offsets are bytes in both, so the loops are the same.
     */
    enum Memory
    {
        /** A {@code byte[]} on the Java heap. */
        HEAP
        {
            Object allocate(final Mpi mpi, final int bytes)
            {
                return new byte[bytes];
            }
        },

        /** A direct {@link ByteBuffer} outside the heap, as native code or a memory-mapped file would hand over. */
        DIRECT
        {
            Object allocate(final Mpi mpi, final int bytes)
            {
                return ByteBuffer.allocateDirect(bytes);
            }
        },

        /** Shared memory from {@link Mpi#allocMem(int)}: large messages to a rank of the same host copy once. */
        SHARED
        {
            Object allocate(final Mpi mpi, final int bytes)
            {
                return mpi.allocMem(bytes);
            }
        };

        /**
         * @param mpi   the runtime.
         * @param bytes size of the buffer.
         * @return a buffer of {@code bytes} for {@link Comm}'s calls.
         */
        abstract Object allocate(Mpi mpi, int bytes);
    }

    private final Mpi mpi;
    private final Comm comm;
    private final int rank;
    private final int peer;
    private final P2pSchedule schedule;
    private final Memory memory;
    private final RoundTrips roundTrips;
    private final Request[] window = new Request[OsuBandwidth.WINDOW];
    private final Status status = new Status();
    private final byte[] ack = new byte[ACK_BYTES];
    private final int[] warming = new int[1];

    private P2pVsC(final Mpi mpi, final P2pSchedule schedule, final Memory memory)
    {
        this.mpi = mpi;
        this.comm = mpi.world();
        this.rank = comm.rank();
        this.peer = 1 - rank;
        this.schedule = schedule;
        this.memory = memory;
        this.roundTrips = new RoundTrips(schedule.maxRoundTrips());
    }

    /**
     * Run the three tests and print their lines at rank 0.
     *
     * @param args {@code [--quick] [--buffers heap|direct|shared]}.
     * @throws IllegalArgumentException for any other argument.
     */
    public static void main(final String[] args)
    {
        boolean quick = false;
        Memory memory = Memory.HEAP;
        for (int i = 0; i < args.length; i++)
        {
            if ("--quick".equals(args[i]))
            {
                quick = true;
            }
            else if ("--buffers".equals(args[i]) && i + 1 < args.length)
            {
                memory = memory(args[++i]);
            }
            else
            {
                throw new IllegalArgumentException(USAGE + ", got " + args[i]);
            }
        }
        try (Mpi mpi = Mpi.init(args))
        {
            OsuRanks.requireTwo(mpi.world(), "P2pVsC");
            new P2pVsC(mpi, new P2pSchedule(quick), memory).run();
        }
    }

    private static Memory memory(final String name)
    {
        try
        {
            return Memory.valueOf(name.toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(USAGE + ", got --buffers " + name, ex);
        }
    }

    private void run()
    {
        cold();
        final Object message = memory.allocate(mpi, schedule.maxBytes());
        for (final int bytes : schedule.latencySizes())
        {
            latency(message, bytes);
        }
        final Object windowMemory = memory.allocate(mpi, OsuBandwidth.WINDOW * schedule.maxBytes());
        for (final int bytes : schedule.bandwidthSizes())
        {
            bandwidth(windowMemory, bytes);
        }
    }

    /** Nothing before it but a small buffer, so the first round trips meet the path and its code cold. */
    private void cold()
    {
        final Object message = memory.allocate(mpi, P2pSchedule.COLD_BYTES);
        timeRoundTrips(message, P2pSchedule.COLD_BYTES, P2pSchedule.COLD_ROUND_TRIPS);
        if (ROOT == rank)
        {
            System.out.println(roundTrips.coldLine(P2pSchedule.COLD_BYTES));
        }
    }

    private void latency(final Object message, final int bytes)
    {
        warmUp(() -> roundTrip(message, bytes), schedule.warmupRoundTrips(bytes));
        comm.barrier();
        timeRoundTrips(message, bytes, schedule.roundTrips(bytes));
        if (ROOT == rank)
        {
            System.out.println(roundTrips.latencyLine(bytes));
        }
    }

    private void timeRoundTrips(final Object message, final int bytes, final int count)
    {
        roundTrips.reset();
        for (int i = 0; i < count; i++)
        {
            final long start = System.nanoTime();
            roundTrip(message, bytes);
            roundTrips.add(System.nanoTime() - start);
        }
    }

    private void roundTrip(final Object message, final int bytes)
    {
        if (ROOT == rank)
        {
            comm.send(message, 0, bytes, peer, PING_TAG);
            comm.recv(message, 0, bytes, peer, PING_TAG, status);
        }
        else
        {
            comm.recv(message, 0, bytes, peer, PING_TAG, status);
            comm.send(message, 0, bytes, peer, PING_TAG);
        }
    }

    private void bandwidth(final Object windowMemory, final int bytes)
    {
        final int windows = schedule.windows(bytes);
        warmUp(() -> window(windowMemory, bytes), schedule.warmupWindows(bytes));
        comm.barrier();
        final long start = System.nanoTime();
        for (int i = 0; i < windows; i++)
        {
            window(windowMemory, bytes);
        }
        final long elapsedNs = System.nanoTime() - start;
        if (ROOT == rank)
        {
            System.out.printf(Locale.ROOT, "bandwidth %d mb_per_s %.3f%n",
                bytes, (double)bytes * OsuBandwidth.WINDOW * windows / 1e6 / (elapsedNs / 1e9));
        }
    }

    private void window(final Object windowMemory, final int bytes)
    {
        final int stride = P2pSchedule.windowStride(bytes);
        for (int j = 0; j < window.length; j++)
        {
            window[j] = ROOT == rank ?
                comm.isend(windowMemory, j * stride, bytes, peer, DATA_TAG) :
                comm.irecv(windowMemory, j * stride, bytes, peer, DATA_TAG);
        }
        Request.waitAll(window);
        if (ROOT == rank)
        {
            comm.recv(ack, 0, ACK_BYTES, peer, ACK_TAG, status);
        }
        else
        {
            comm.send(ack, 0, ACK_BYTES, peer, ACK_TAG);
        }
    }

    /** Rounds of {@code rounds} steps until rank 0 has warmed up for the schedule's time; rank 0 tells rank 1. */
    private void warmUp(final Runnable step, final int rounds)
    {
        final long startNs = System.nanoTime();
        warming[0] = 1;
        while (1 == warming[0])
        {
            for (int i = 0; i < rounds; i++)
            {
                step.run();
            }
            warming[0] = System.nanoTime() - startNs < schedule.warmupMinNs() ? 1 : 0;
            comm.bcast(warming, 0, 1, ROOT);
        }
    }
}
