package io.jmpi.p2p;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Status;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Every rank sends every other rank random data with blocking send and recv, in sizes from 0 B to 16 MiB and in
 * each supported buffer kind, and checks it byte for byte.
 */
public class ExchangeTest
{
    static final int[] SIZES = { 0, 1, 1024, 1 << 20, 16 << 20 };

    @Test
    void allPairsExchangeEverySizeAndBufferKind()
    {
        JobRunner.run(4, AllPairs.class).assertSuccess();
    }

    /**
     * Every pair of ranks exchanges; the optional argument caps the size, for slow networks.
     */
    public static final class AllPairs
    {
        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int me = world.rank();
                final int ranks = world.size();
                final int maxSize = args.length > 0 ? Integer.parseInt(args[0]) : Integer.MAX_VALUE;
                for (int kind = 0; kind < 5; kind++)
                {
                    for (final int size : SIZES)
                    {
                        if (size > maxSize)
                        {
                            continue;
                        }
                        final int bytes = size - size % elementSize(kind);
                        // pairs in one global order: the earliest unfinished pair always has both ranks at it
                        for (int a = 0; a < ranks; a++)
                        {
                            for (int b = a + 1; b < ranks; b++)
                            {
                                if (me == a || me == b)
                                {
                                    final int peer = me == a ? b : a;
                                    exchange(world, me, peer, me == a, kind, bytes);
                                }
                            }
                        }
                    }
                }
                System.out.println("exchange ok");
            }
        }

        private static void exchange(
            final Comm world, final int me, final int peer, final boolean sendFirst, final int kind, final int bytes)
        {
            final long sendSeed = Payloads.seed(me, peer, (long)kind * 100 + bytes);
            final long recvSeed = Payloads.seed(peer, me, (long)kind * 100 + bytes);
            final byte[] out = Payloads.bytes(bytes, sendSeed);
            final byte[] in = new byte[bytes];
            if (sendFirst)
            {
                send(world, out, peer, kind);
                receive(world, in, peer, kind);
            }
            else
            {
                receive(world, in, peer, kind);
                send(world, out, peer, kind);
            }
            Payloads.check(in, bytes, recvSeed, "kind " + kind + " from " + peer);
        }

        private static void send(final Comm world, final byte[] data, final int peer, final int kind)
        {
            final int tag = 10 + kind;
            switch (kind)
            {
                case 0 -> world.send(data, 0, data.length, peer, tag);
                case 1 -> world.send(toInts(data), 0, data.length / 4, peer, tag);
                case 2 -> world.send(toLongs(data), 0, data.length / 8, peer, tag);
                case 3 -> world.send(toDoubles(data), 0, data.length / 8, peer, tag);
                default -> world.send(ByteBuffer.allocateDirect(data.length).put(data).flip(), 0, data.length, peer, tag);
            }
        }

        private static void receive(final Comm world, final byte[] into, final int peer, final int kind)
        {
            final int tag = 10 + kind;
            final Status status;
            final ByteBuffer view = ByteBuffer.wrap(into).order(ByteOrder.nativeOrder());
            switch (kind)
            {
                case 0 -> status = world.recv(into, 0, into.length, peer, tag);
                case 1 ->
                {
                    final int[] ints = new int[into.length / 4];
                    status = world.recv(ints, 0, ints.length, peer, tag);
                    view.asIntBuffer().put(ints);
                }
                case 2 ->
                {
                    final long[] longs = new long[into.length / 8];
                    status = world.recv(longs, 0, longs.length, peer, tag);
                    view.asLongBuffer().put(longs);
                }
                case 3 ->
                {
                    final double[] doubles = new double[into.length / 8];
                    status = world.recv(doubles, 0, doubles.length, peer, tag);
                    view.asDoubleBuffer().put(doubles);
                }
                default ->
                {
                    final ByteBuffer direct = ByteBuffer.allocateDirect(into.length);
                    status = world.recv(direct, 0, into.length, peer, tag);
                    direct.get(into);
                }
            }
            Payloads.checkEquals(peer, status.source(), "status source");
            Payloads.checkEquals(tag, status.tag(), "status tag");
            Payloads.checkEquals(into.length / elementSize(kind), status.count(), "status count of kind " + kind);
        }

        private static int elementSize(final int kind)
        {
            return switch (kind)
            {
                case 1 -> 4;
                case 2, 3 -> 8;
                default -> 1;
            };
        }

        private static int[] toInts(final byte[] data)
        {
            final int[] ints = new int[data.length / 4];
            ByteBuffer.wrap(data).order(ByteOrder.nativeOrder()).asIntBuffer().get(ints);
            return ints;
        }

        private static long[] toLongs(final byte[] data)
        {
            final long[] longs = new long[data.length / 8];
            ByteBuffer.wrap(data).order(ByteOrder.nativeOrder()).asLongBuffer().get(longs);
            return longs;
        }

        private static double[] toDoubles(final byte[] data)
        {
            final double[] doubles = new double[data.length / 8];
            ByteBuffer.wrap(data).order(ByteOrder.nativeOrder()).asDoubleBuffer().get(doubles);
            return doubles;
        }
    }
}
