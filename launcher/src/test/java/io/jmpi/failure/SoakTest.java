package io.jmpi.failure;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Op;
import io.jmpi.Request;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import io.jmpi.transport.JobEnvironment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Load bounded in time: four ranks exchange random point-to-point traffic of every size, interleaved with
 * barriers, broadcasts and allreduces, for {@code -Djmpi.soak.seconds} (default 60), checking every byte and
 * reporting messages per second. Neither the ranks' heap (used after a full GC, at a quarter of the run and at its
 * end) nor the job's shared memory (its files and their size) may grow while it runs.
 */
class SoakTest
{
    /** How long the ranks exchange traffic; the job needs some seconds more to start and end. */
    static final int SECONDS = Integer.getInteger("jmpi.soak.seconds", 60);
    private static final int NP = 4;
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(SECONDS + 120L);

    @Test
    void fourRanksUnderRandomTrafficStayCorrectAndDoNotGrow()
    {
        final String jobId = JobRunner.newJobId();

        final JobResult result = JobRunner.run(
            List.of("--job-id", jobId, "-J-Xmx256m"), JOB_TIMEOUT, NP, Soak.class, Integer.toString(SECONDS))
            .assertSuccess();

        // the progress and the measurements, for whoever reads the test's output
        result.stdoutLines().forEach(System.out::println);
        for (int rank = 0; rank < NP; rank++)
        {
            final List<String> lines = result.linesOfRank(rank);
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("heap ok:")), result.toString());
            assertTrue(lines.get(lines.size() - 1).startsWith("soak ok:"), result.toString());
        }
        final List<String> rank0 = result.linesOfRank(0);
        assertTrue(rank0.stream().anyMatch(line -> line.startsWith("shm ok:")), result.toString());
        assertTrue(rank0.stream().filter(line -> line.startsWith("progress:")).count() >= Math.min(3, SECONDS / 10),
            result.toString());
        assertEquals(List.of(), result.jrunMessages(), result.toString());
        JobRunner.assertCleanedUp(jobId);
    }

    /**
     * The soak's rank program. Every round follows a schedule that all ranks draw from the same seed: how many
     * messages each rank sends each other rank, of which sizes and tags. Receives are posted first, then sends,
     * then all are awaited and checked; an allreduce checks the round's totals and a broadcast from a rotating root
     * carries checked data. Rank 0 decides, by broadcast, when to measure and when to stop.
     */
    public static final class Soak
    {
        private static final int STOP = 0;
        private static final int GO = 1;
        private static final int MEASURE = 2;
        private static final long MIB = 1 << 20;
        /**
         * Heap used after a full GC may differ by this much between two measurements of a steady state (it is a few
         * MiB); a leak of 50 bytes a message would exceed it within a minute.
         */
        private static final long HEAP_SLACK = 8 * MIB;
        /**
         * The size of one log: its sparse pages fill as they are first written, and a log that saw little traffic by
         * the quarter (say, a broadcast stream) may still fill then. A leak shows in the files, which must not change.
         */
        private static final long SHM_SLACK = 12 * MIB;

        public static void main(final String[] args) throws Exception
        {
            final long runNs = TimeUnit.SECONDS.toNanos(Integer.parseInt(args[0]));
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int me = world.rank();
                final int size = world.size();
                final Path jobDir = Path.of(System.getenv(JobEnvironment.AERON_DIR));
                final long startNs = System.nanoTime();
                long nextReportNs = startNs + TimeUnit.SECONDS.toNanos(10);
                long reportedMessages = 0;
                long reportedBytes = 0;
                long reportedNs = startNs;
                long messages = 0;
                long bytes = 0;
                long quarterHeap = -1;
                Shm quarterShm = null;
                final Shm startShm = 0 == me ? Shm.of(jobDir) : null;
                boolean measured = false;
                final int[] command = new int[1];
                int round = 0;
                while (true)
                {
                    if (0 == me)
                    {
                        final long elapsedNs = System.nanoTime() - startNs;
                        command[0] = elapsedNs >= runNs ? STOP : !measured && elapsedNs >= runNs / 4 ? MEASURE : GO;
                    }
                    world.bcast(command, 0, 1, 0);
                    if (STOP == command[0])
                    {
                        break;
                    }
                    if (MEASURE == command[0])
                    {
                        measured = true;
                        world.barrier();
                        quarterHeap = usedHeapAfterGc();
                        quarterShm = 0 == me ? Shm.of(jobDir) : null;
                        world.barrier();
                    }

                    final long[] moved = round(world, me, size, round);
                    messages += moved[0];
                    bytes += moved[1];
                    round++;

                    if (0 == me && System.nanoTime() - nextReportNs >= 0)
                    {
                        final long nowNs = System.nanoTime();
                        final double seconds = (nowNs - reportedNs) / 1e9;
                        Ranks.say(String.format("progress: %d s, %d rounds, %.0f messages/s, %.1f MB/s (whole job)",
                            TimeUnit.NANOSECONDS.toSeconds(nowNs - startNs), round,
                            (messages - reportedMessages) / seconds, (bytes - reportedBytes) / seconds / 1e6));
                        reportedMessages = messages;
                        reportedBytes = bytes;
                        reportedNs = nowNs;
                        nextReportNs += TimeUnit.SECONDS.toNanos(10);
                    }
                }

                world.barrier();
                final long endHeap = usedHeapAfterGc();
                if (quarterHeap < 0)
                {
                    throw new IllegalStateException("the run ended before its quarter: no heap to compare");
                }
                final String heap = String.format("heap used after GC: %.1f MiB at a quarter, %.1f MiB at the end",
                    quarterHeap / (double)MIB, endHeap / (double)MIB);
                if (endHeap > quarterHeap + HEAP_SLACK)
                {
                    throw new IllegalStateException("the heap grew: " + heap);
                }
                Ranks.say("heap ok: " + heap);
                if (0 == me)
                {
                    final Shm endShm = Shm.of(jobDir);
                    final String shm = "job directory at the start " + startShm + ", at a quarter " + quarterShm +
                        ", at the end " + endShm;
                    final boolean grew = endShm.kib * 1024 > quarterShm.kib * 1024 + SHM_SLACK;
                    if (grew || !endShm.files.equals(quarterShm.files))
                    {
                        throw new IllegalStateException("the job's shared memory grew: " + shm + "; files at a " +
                            "quarter " + quarterShm.files + ", at the end " + endShm.files);
                    }
                    Ranks.say("shm ok: " + shm);
                }
                final double seconds = (System.nanoTime() - startNs) / 1e9;
                Ranks.say(String.format("soak ok: %d rounds in %.1f s, %d messages (%.0f/s), %.1f MB (whole job)",
                    round, seconds, messages, messages / seconds, bytes / 1e6));
            }
        }

        /**
         * One round of the schedule.
         *
         * @return messages and bytes the whole job moved in it, point-to-point and collective.
         */
        private static long[] round(final Comm world, final int me, final int size, final int round)
        {
            final SplittableRandom schedule = new SplittableRandom(0x50A4L * 1_000_003L + round);
            final int[][] counts = new int[size][size];
            final int[][][] lengths = new int[size][size][];
            final int[][][] tags = new int[size][size][];
            long messages = 0;
            long bytes = 0;
            for (int from = 0; from < size; from++)
            {
                for (int to = 0; to < size; to++)
                {
                    final int count = schedule.nextInt(4);
                    counts[from][to] = count;
                    lengths[from][to] = new int[count];
                    tags[from][to] = new int[count];
                    for (int i = 0; i < count; i++)
                    {
                        lengths[from][to][i] = length(schedule);
                        tags[from][to][i] = schedule.nextInt(8);
                        messages++;
                        bytes += lengths[from][to][i];
                    }
                }
            }

            final List<Request> requests = new ArrayList<>();
            final List<byte[]> received = new ArrayList<>();
            final List<long[]> expected = new ArrayList<>();
            for (int from = 0; from < size; from++)
            {
                for (int i = 0; i < counts[from][me]; i++)
                {
                    final byte[] buffer = new byte[lengths[from][me][i]];
                    received.add(buffer);
                    expected.add(new long[]{ seed(round, from, me, i), from });
                    requests.add(world.irecv(buffer, 0, buffer.length, from, tags[from][me][i]));
                }
            }
            for (int to = 0; to < size; to++)
            {
                for (int i = 0; i < counts[me][to]; i++)
                {
                    final byte[] message = new byte[lengths[me][to][i]];
                    Ranks.fill(message, message.length, seed(round, me, to, i));
                    requests.add(world.isend(message, 0, message.length, to, tags[me][to][i]));
                }
            }
            Request.waitAll(requests.toArray(new Request[0]));
            for (int i = 0; i < received.size(); i++)
            {
                final byte[] buffer = received.get(i);
                Ranks.check(buffer, buffer.length, expected.get(i)[0],
                    "round " + round + ": message " + i + " from rank " + expected.get(i)[1]);
            }

            // the round's totals, summed over the ranks, must be what the schedule says
            final long[] mine = new long[2];
            for (int to = 0; to < size; to++)
            {
                for (int i = 0; i < counts[me][to]; i++)
                {
                    mine[0]++;
                    mine[1] += lengths[me][to][i];
                }
            }
            final long[] total = new long[2];
            world.allreduce(mine, 0, total, 0, 2, Op.SUM);
            if (total[0] != messages || total[1] != bytes)
            {
                throw new IllegalStateException("round " + round + ": allreduce gave " + total[0] + " messages of " +
                    total[1] + " B, the schedule says " + messages + " of " + bytes);
            }

            final int root = round % size;
            final byte[] broadcast = new byte[length(schedule)];
            if (root == me)
            {
                Ranks.fill(broadcast, broadcast.length, seed(round, root, -1, 0));
            }
            world.bcast(broadcast, 0, broadcast.length, root);
            Ranks.check(broadcast, broadcast.length, seed(round, root, -1, 0), "round " + round + ": bcast");
            if (0 == round % 10)
            {
                world.barrier();
            }

            return new long[]{ messages + size * 2L, bytes + (long)broadcast.length * (size - 1) };
        }

        /**
         * Mostly small messages, some medium, a few large ones that take the rendezvous path.
         */
        private static int length(final SplittableRandom random)
        {
            final int kind = random.nextInt(100);
            if (kind < 70)
            {
                return random.nextInt(2048);
            }
            return kind < 97 ? random.nextInt(64 * 1024) : random.nextInt(1 << 20);
        }

        private static long seed(final int round, final int from, final int to, final int index)
        {
            return (((long)round * 31 + from) * 31 + to) * 1_000_003L + index;
        }

        private static long usedHeapAfterGc() throws InterruptedException
        {
            final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long used = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++)
            {
                System.gc();
                Thread.sleep(50);
                used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
            }
            return used;
        }
    }

    /**
     * The files of the job directory (its logs and the driver's files) and the shared memory they take, as
     * {@code du} counts it (sparse files take only the pages written).
     */
    record Shm(List<String> files, long kib)
    {
        static Shm of(final Path dir) throws IOException, InterruptedException
        {
            final List<String> files;
            try (Stream<Path> paths = Files.walk(dir))
            {
                // without the markers of ranks that have jmpi open, which come and go as the ranks close
                files = paths.map(path -> dir.relativize(path).toString())
                    .filter(name -> !name.endsWith(".open")).sorted().toList();
            }
            final Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
            final String output;
            try (InputStream in = du.getInputStream())
            {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            du.waitFor();
            return new Shm(files, Long.parseLong(output.trim().split("\\s+")[0]));
        }

        @Override
        public String toString()
        {
            return files.size() + " files, " + kib / 1024 + " MiB";
        }
    }
}
