package io.jmpi.p2p;

import io.jmpi.Comm;
import io.jmpi.ErrorClass;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
import io.jmpi.Request;
import io.jmpi.Status;
import io.jmpi.launcher.JobRunner;
import io.jmpi.transport.DataRing;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

/**
 * Messages of the sizes where the protocol changes: one byte either side of the eager limit (eager frame or
 * rendezvous), of a data ring's slot (one chunk or two) and of a whole ring (the writer waits for the reader or
 * not), each sent in every mode, from heap arrays and from shared memory ({@link Mpi#allocMem}), received whole
 * and truncated, and in a burst of all sizes on one tag, whose order must hold.
 */
class ProtocolBoundariesTest
{
    static final int[] THRESHOLDS = { Mpi.DEFAULT_EAGER_LIMIT, DataRing.SLOT_BYTES, DataRing.SLOTS * DataRing.SLOT_BYTES };

    @Test
    void everySizeAroundEachThresholdArrivesIntactInOrderAndTruncates()
    {
        JobRunner.run(2, Boundaries.class).assertSuccess();
    }

    public static final class Boundaries
    {
        private static final String[] MODES = { "send", "ssend", "isend", "issend", "bsend" };

        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int rank = world.rank();
                final int[] sizes = sizes();
                final int largest = sizes[sizes.length - 1];
                if (0 == rank)
                {
                    mpi.attachBuffer(new byte[largest + Mpi.BSEND_OVERHEAD]);
                }
                long sequence = 0;
                for (final boolean shared : new boolean[]{ false, true })
                {
                    final ByteBuffer sharedBuffer = shared ? mpi.allocMem(largest) : null;
                    for (final int size : sizes)
                    {
                        for (final String mode : MODES)
                        {
                            final long seed = Payloads.seed(0, 1, sequence++);
                            final String what = mode + " of " + size + " B" + (shared ? " from shared memory" : "");
                            if (0 == rank)
                            {
                                send(world, mode, message(size, seed, sharedBuffer), size);
                            }
                            else
                            {
                                final byte[] into = new byte[size];
                                final Status status = world.recv(into, 0, size, 0, 1);
                                Payloads.checkEquals(size, status.count(), what + ": count");
                                Payloads.check(into, size, seed, what);
                            }
                        }
                        truncated(world, size, Payloads.seed(0, 1, sequence++), sharedBuffer);
                    }
                    burst(world, sizes, sharedBuffer);
                    if (shared)
                    {
                        mpi.freeMem(sharedBuffer);
                    }
                }
                if (0 == rank)
                {
                    mpi.detachBuffer();
                }
            }
        }

        static int[] sizes()
        {
            final int[] sizes = new int[THRESHOLDS.length * 3];
            for (int i = 0; i < THRESHOLDS.length; i++)
            {
                sizes[3 * i] = THRESHOLDS[i] - 1;
                sizes[3 * i + 1] = THRESHOLDS[i];
                sizes[3 * i + 2] = THRESHOLDS[i] + 1;
            }
            return sizes;
        }

        /**
         * The payload as a heap array, or copied into the shared buffer (the same buffer for every message, as a
         * program reusing its MPI_Alloc_mem buffer would).
         */
        private static Object message(final int size, final long seed, final ByteBuffer sharedBuffer)
        {
            final byte[] bytes = Payloads.bytes(size, seed);
            if (null == sharedBuffer)
            {
                return bytes;
            }
            sharedBuffer.clear();
            sharedBuffer.put(bytes).clear();
            return sharedBuffer;
        }

        private static void send(final Comm world, final String mode, final Object buffer, final int size)
        {
            switch (mode)
            {
                case "send" -> world.send(buffer, 0, size, 1, 1);
                case "ssend" -> world.ssend(buffer, 0, size, 1, 1);
                case "isend" -> world.isend(buffer, 0, size, 1, 1).waitFor();
                case "issend" -> world.issend(buffer, 0, size, 1, 1).waitFor();
                case "bsend" -> world.bsend(buffer, 0, size, 1, 1);
                default -> throw new IllegalArgumentException(mode);
            }
        }

        /**
         * A receive one byte short gets ERR_TRUNCATE with every byte that fits, and the next message is intact.
         */
        private static void truncated(final Comm world, final int size, final long seed, final ByteBuffer shared)
        {
            if (0 == world.rank())
            {
                world.send(message(size, seed, shared), 0, size, 1, 2);
                world.send(new byte[]{ 7 }, 0, 1, 1, 3);
                return;
            }
            final byte[] into = new byte[size - 1];
            try
            {
                world.recv(into, 0, into.length, 0, 2);
                throw new AssertionError("a message of " + size + " B fit into " + into.length);
            }
            catch (final MpiException ex)
            {
                Payloads.checkEquals(ErrorClass.ERR_TRUNCATE, ex.errorClass(), "truncated " + size + " B");
            }
            Payloads.check(into, into.length, seed, "the part of " + size + " B that fits");
            final byte[] next = new byte[1];
            world.recv(next, 0, 1, 0, 3);
            Payloads.checkEquals((byte)7, next[0], "the message after a truncated one of " + size + " B");
        }

        /**
         * Every size sent back to back on one tag without waiting in between (eager, rendezvous through the ring and
         * out of shared memory mixed), received in posting order: MPI's non-overtaking rule.
         */
        private static void burst(final Comm world, final int[] sizes, final ByteBuffer shared)
        {
            final Request[] requests = new Request[sizes.length];
            final Object[] buffers = new Object[sizes.length];
            int offset = 0;
            for (int i = 0; i < sizes.length; i++)
            {
                final long seed = Payloads.seed(0, 1, 1_000 + i);
                if (0 == world.rank())
                {
                    final byte[] bytes = Payloads.bytes(sizes[i], seed);
                    if (null != shared && 0 == i % 2 && offset + sizes[i] <= shared.capacity())
                    {
                        shared.put(offset, bytes);
                        buffers[i] = shared.slice(offset, sizes[i]);
                        offset += sizes[i];
                    }
                    else
                    {
                        buffers[i] = bytes;
                    }
                    requests[i] = world.isend(buffers[i], 0, sizes[i], 1, 4);
                }
                else
                {
                    buffers[i] = new byte[sizes[i]];
                    requests[i] = world.irecv(buffers[i], 0, sizes[i], 0, 4);
                }
            }
            Request.waitAll(requests);
            if (1 == world.rank())
            {
                for (int i = 0; i < sizes.length; i++)
                {
                    Payloads.check((byte[])buffers[i], sizes[i], Payloads.seed(0, 1, 1_000 + i), "burst message " + i);
                }
            }
        }
    }
}
