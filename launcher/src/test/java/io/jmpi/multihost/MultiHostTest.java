package io.jmpi.multihost;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Op;
import io.jmpi.examples.Ring;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import io.jmpi.p2p.ExchangeTest;
import io.jmpi.p2p.StressTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jobs across three hosts (network namespaces), two ranks each, started by jrun through
 * {@code --launch-agent "ip netns exec {host}"}: ranks on one host talk over IPC, across hosts over UDP unicast,
 * and collectives run their point-to-point algorithms over both. Skipped, with the reason, where test hosts
 * cannot be made (not root).
 */
class MultiHostTest
{
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static String unavailable;

    @BeforeAll
    static void makeHosts()
    {
        unavailable = TestHosts.up();
    }

    @AfterAll
    static void removeHosts()
    {
        TestHosts.down();
    }

    @AfterEach
    void stopLoss()
    {
        if (null == unavailable)
        {
            TestHosts.loss("jmpih2", 0);
        }
    }

    @Test
    void ringAcrossHosts()
    {
        requireHosts();
        final JobResult result = run(List.of(), Ring.class, "20");
        assertTrue(result.linesOfRank(0).get(0).contains("token=300 (expected 300)"), result.toString());
    }

    @Test
    void allPairsExchangeAcrossHosts()
    {
        requireHosts();
        run(List.of(), ExchangeTest.AllPairs.class, Integer.toString(1 << 20));
    }

    @Test
    void bcastAndAllreduceAcrossHosts()
    {
        requireHosts();
        final JobResult result = run(List.of(), Collectives.class, "300", "65536");
        assertEquals(List.of("collectives ok: 300 broadcasts"), result.linesOfRank(0));
    }

    @Test
    void broadcastsAndPointToPointSurvivePacketLoss()
    {
        requireHosts();
        assertNull(TestHosts.loss("jmpih2", 5), "iptables must be installed (.ci/run installs it)");
        final JobResult bcasts = run(List.of(), Collectives.class, "10000", Integer.toString(1 << 20));
        assertEquals(List.of("collectives ok: 10000 broadcasts"), bcasts.linesOfRank(0));
        run(List.of(), StressTest.Stress.class, "3000", "65536");
    }

    private static JobResult run(final List<String> extra, final Class<?> program, final String... args)
    {
        final List<String> options = new ArrayList<>(TestHosts.jrunOptions());
        options.addAll(extra);
        return JobRunner.run(options, TIMEOUT, 2 * TestHosts.HOSTS, program, args).assertSuccess();
    }

    private static void requireHosts()
    {
        Assumptions.assumeTrue(null == unavailable, () -> "skipped: " + unavailable);
    }

    /**
     * Broadcasts from rotating roots with sizes from 8 B to 4 KiB, and every 500th of the largest size, every byte
     * checked at every rank, then an allreduce. Arguments: number of broadcasts, largest size.
     */
    public static final class Collectives
    {
        public static void main(final String[] args)
        {
            final int count = Integer.parseInt(args[0]);
            final int maxSize = Integer.parseInt(args[1]);
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int size = world.size();
                final byte[] buffer = new byte[maxSize];
                final SplittableRandom sizes = new SplittableRandom(99);
                for (int i = 0; i < count; i++)
                {
                    final int root = i % size;
                    final int small = 8 + sizes.nextInt(Math.max(1, Math.min(maxSize, 4096) - 7));
                    final int length = 0 == i % 500 ? maxSize : small;
                    if (world.rank() == root)
                    {
                        fill(buffer, length, i);
                    }
                    world.bcast(buffer, 0, length, root);
                    check(buffer, length, i);
                }
                final long[] ranks = { world.rank(), 1 };
                final long[] sums = new long[2];
                world.allreduce(ranks, 0, sums, 0, 2, Op.SUM);
                if (sums[0] != (long)size * (size - 1) / 2 || sums[1] != size)
                {
                    throw new AssertionError("allreduce gave " + sums[0] + ", " + sums[1]);
                }
                if (0 == world.rank())
                {
                    System.out.println("collectives ok: " + count + " broadcasts");
                }
            }
        }

        private static void fill(final byte[] buffer, final int length, final int seed)
        {
            final SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < length; i++)
            {
                buffer[i] = (byte)random.nextInt();
            }
        }

        private static void check(final byte[] buffer, final int length, final int seed)
        {
            final SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < length; i++)
            {
                if (buffer[i] != (byte)random.nextInt())
                {
                    throw new AssertionError("broadcast " + seed + " differs at byte " + i + " of " + length);
                }
            }
        }
    }
}
