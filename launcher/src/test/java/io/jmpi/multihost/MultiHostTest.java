package io.jmpi.multihost;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Op;
import io.jmpi.examples.Ring;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import io.jmpi.launcher.RunningJob;
import io.jmpi.p2p.ExchangeTest;
import io.jmpi.p2p.StressTest;
import io.jmpi.slurm.SlurmTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jobs across three hosts (network namespaces), two ranks each, started by jrun through
 * {@code --launch-agent "ip netns exec {host}"}: ranks on one host talk over IPC, across hosts over UDP unicast,
 * broadcasts go by UDP multicast (or along a tree when it is off or blocked), and the other collectives run their
 * point-to-point algorithms over both. Skipped, with the reason, where test hosts cannot be made (not root).
 */
@ExtendWith(TestHosts.Lifecycle.class)
class MultiHostTest
{
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    /**
     * jrun ends a job that outlives this, after asking every rank what it is blocked in, so that a hang fails the
     * test with that report rather than with jrun killed at {@link #TIMEOUT} and nothing said.
     */
    private static final String JOB_TIMEOUT_SECONDS = Long.toString(TIMEOUT.minusMinutes(1).toSeconds());
    private static final String FALLBACK_MESSAGE = "jmpi: broadcast by multicast falls back to a tree";
    private static final String FORCE_MULTICAST = "-J-Djmpi.coll.bcast.algorithm=multicast";

    @AfterEach
    void restoreNetwork()
    {
        if (TestHosts.areUp())
        {
            TestHosts.loss("jmpih2", 0);
            TestHosts.unblockMulticast();
        }
    }

    @Test
    void ringAcrossHosts()
    {
        TestHosts.require();
        final JobResult result = run(List.of(), Ring.class, "20");
        assertTrue(result.linesOfRank(0).get(0).contains("token=300 (expected 300)"), result.toString());
    }

    @Test
    void allPairsExchangeAcrossHosts()
    {
        TestHosts.require();
        run(List.of(), ExchangeTest.AllPairs.class, Integer.toString(1 << 20));
    }

    @Test
    void bcastByMulticastAndAllreduceAcrossHosts()
    {
        TestHosts.require();
        final JobResult result = run(List.of(FORCE_MULTICAST), Collectives.class, "300", "65536");
        assertEquals(List.of("collectives ok: 300 broadcasts"), result.linesOfRank(0));
        assertFalse(result.stderr().contains(FALLBACK_MESSAGE), result.toString());
    }

    @Test
    void collectivesInTwoLevelsAcrossHosts()
    {
        TestHosts.require();
        final JobResult result = run(List.of("-J-Djmpi.coll.bcast.algorithm=hierarchical",
            "-J-Djmpi.coll.allreduce.algorithm=hierarchical", "-J-Djmpi.coll.barrier.algorithm=hierarchical"),
            Collectives.class, "300", "65536");
        assertEquals(List.of("collectives ok: 300 broadcasts"), result.linesOfRank(0));
        assertFalse(result.stderr().contains(FALLBACK_MESSAGE), result.toString());
    }

    @Test
    void bcastAlongATreeWhenMulticastIsOff()
    {
        TestHosts.require();
        final JobResult result =
            run(List.of("--multicast", "off", FORCE_MULTICAST), Collectives.class, "300", "65536");
        assertEquals(List.of("collectives ok: 300 broadcasts"), result.linesOfRank(0));
        assertFalse(result.stderr().contains(FALLBACK_MESSAGE), result.toString());
    }

    @Test
    void blockedMulticastFallsBackToTheTreeWithAClearMessage()
    {
        TestHosts.require();
        assertNull(TestHosts.blockMulticast(), "iptables must be installed (.ci/run installs it)");
        final JobResult result = run(List.of(FORCE_MULTICAST), Collectives.class, "300", "65536");
        assertEquals(List.of("collectives ok: 300 broadcasts"), result.linesOfRank(0));
        final List<String> messages =
            result.stderrLines().stream().filter(line -> line.contains(FALLBACK_MESSAGE)).toList();
        assertFalse(messages.isEmpty(), result.toString());
        assertTrue(messages.get(0).startsWith("[0] "), result.toString());
        messages.forEach(message -> assertTrue(message.contains("jrun --multicast off"), message));
    }

    @Test
    void broadcastsAndPointToPointSurvivePacketLoss()
    {
        TestHosts.require();
        assertNull(TestHosts.loss("jmpih2", 5), "iptables must be installed (.ci/run installs it)");
        final JobResult bcasts = run(List.of(FORCE_MULTICAST), Collectives.class, "10000", Integer.toString(1 << 20));
        assertEquals(List.of("collectives ok: 10000 broadcasts"), bcasts.linesOfRank(0));
        assertFalse(bcasts.stderr().contains(FALLBACK_MESSAGE), bcasts.toString());
        run(List.of(), StressTest.Stress.class, "3000", "65536");
    }

    @Test
    void exportsWorkingDirectoryAndBindingsReachTheRanksOfEveryHost()
    {
        TestHosts.require();
        final JobResult result = run(List.of("-x", "JMPI_TEST_EXPORT=across hosts", "-wdir", "/tmp",
            "--bind-to", "core", "--report-bindings"), Exported.class);
        for (int rank = 0; rank < 2 * TestHosts.HOSTS; rank++)
        {
            assertEquals(List.of("across hosts in /tmp"), result.linesOfRank(rank), result.toString());
            final int rankOfHost = rank;
            assertTrue(result.jrunMessages().stream().anyMatch(line ->
                line.startsWith("jrun: rank " + rankOfHost + " ") && line.contains(" bound to core ")),
                result.toString());
        }
    }

    @Test
    void standardInputReachesRankZeroThroughItsHostsAgent()
    {
        TestHosts.require();
        final List<String> args = new ArrayList<>(List.of("-np", Integer.toString(2 * TestHosts.HOSTS)));
        args.addAll(TestHosts.jrunOptions());
        args.add(SlurmTest.Echo.class.getName());
        try (RunningJob job = JobRunner.startWithInput("for rank 0\n".getBytes(StandardCharsets.UTF_8),
            args.toArray(new String[0])))
        {
            final JobResult result = job.await(TIMEOUT).assertSuccess();
            assertEquals(List.of("rank 0 read: for rank 0"), result.linesOfRank(0), result.toString());
            assertEquals(List.of("rank 3 read: null"), result.linesOfRank(3), result.toString());
        }
    }

    /**
     * Prints the exported variable, which only jrun's -x can give (jrun's own environment lacks it), and its working
     * directory.
     */
    public static final class Exported
    {
        public static void main(final String[] args)
        {
            System.out.println(System.getenv("JMPI_TEST_EXPORT") + " in " + Path.of("").toAbsolutePath());
        }
    }

    private static JobResult run(final List<String> extra, final Class<?> program, final String... args)
    {
        final List<String> options = new ArrayList<>(TestHosts.jrunOptions());
        options.addAll(List.of("--timeout", JOB_TIMEOUT_SECONDS));
        options.addAll(extra);
        return JobRunner.run(options, TIMEOUT, 2 * TestHosts.HOSTS, program, args).assertSuccess();
    }

    /**
     * Broadcasts from rotating roots with sizes from 8 B to 4 KiB, and every 500th of the largest size, every byte
     * checked at every rank, then allreduces of 2 and of 100,000 elements after barriers, then broadcasts on the halves of a split (each spans the hosts
     * with a stream and group of its own). Arguments: number of broadcasts, largest size.
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
                broadcasts(world, buffer, count, 0);
                final long[] ranks = { world.rank(), 1 };
                final long[] sums = new long[2];
                world.allreduce(ranks, 0, sums, 0, 2, Op.SUM);
                if (sums[0] != (long)size * (size - 1) / 2 || sums[1] != size)
                {
                    throw new AssertionError("allreduce gave " + sums[0] + ", " + sums[1]);
                }
                final double[] vector = new double[100_000];
                final double[] total = new double[vector.length];
                for (int round = 0; round < 20; round++)
                {
                    world.barrier();
                    Arrays.fill(vector, world.rank() + round);
                    world.allreduce(vector, 0, total, 0, vector.length, Op.MAX);
                    for (final double element : total)
                    {
                        if (element != size - 1 + round)
                        {
                            throw new AssertionError("allreduce MAX of round " + round + " gave " + element);
                        }
                    }
                }
                final Comm half = world.split(world.rank() % 2, world.rank());
                broadcasts(half, buffer, Math.min(count, 300), count);
                half.free();
                if (0 == world.rank())
                {
                    System.out.println("collectives ok: " + count + " broadcasts");
                }
            }
        }

        private static void broadcasts(final Comm comm, final byte[] buffer, final int count, final int firstSeed)
        {
            final SplittableRandom sizes = new SplittableRandom(99);
            for (int i = 0; i < count; i++)
            {
                final int root = i % comm.size();
                final int small = 8 + sizes.nextInt(Math.max(1, Math.min(buffer.length, 4096) - 7));
                final int length = 0 == i % 500 ? buffer.length : small;
                final int seed = firstSeed + i;
                if (comm.rank() == root)
                {
                    fill(buffer, length, seed);
                }
                comm.bcast(buffer, 0, length, root);
                check(buffer, length, seed);
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
