package io.jmpi.failure;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Request;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import io.jmpi.launcher.RunningJob;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two jobs of the same program started at the same time on one host never see each other's messages: every
 * message carries its job's id, and every receiver checks it.
 */
class IsolationTest
{
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);
    private static final int NP = 3;
    private static final int ROUNDS = 60;

    @Test
    void concurrentJobsOfTheSameProgramDoNotCrossTalk()
    {
        final List<String> jobIds = List.of(JobRunner.newJobId(), JobRunner.newJobId());
        final List<RunningJob> jobs = new ArrayList<>();
        try
        {
            for (final String jobId : jobIds)
            {
                jobs.add(JobRunner.start("-np", Integer.toString(NP), "--job-id", jobId,
                    TaggedExchange.class.getName(), Integer.toString(ROUNDS)));
            }
            for (final RunningJob job : jobs)
            {
                final JobResult result = job.await(JOB_TIMEOUT).assertSuccess();
                for (int rank = 0; rank < NP; rank++)
                {
                    assertEquals(List.of("checked " + ROUNDS * (NP - 1) * 2 + " messages"), result.linesOfRank(rank),
                        result.toString());
                }
            }
        }
        finally
        {
            jobs.forEach(RunningJob::close);
        }
        jobIds.forEach(JobRunner::assertCleanedUp);
    }

    /**
     * Every round, each rank sends every other rank a small and a large message (eager and rendezvous) that start
     * with its job id, rank and round; the receiver checks all of it and the rest of the bytes.
     */
    public static final class TaggedExchange
    {
        private static final int SMALL = 64;
        private static final int LARGE = 100_000;

        public static void main(final String[] args)
        {
            final int rounds = Integer.parseInt(args[0]);
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int me = world.rank();
                final int size = world.size();
                final String jobId = mpi.jobId();
                int checked = 0;
                for (int round = 0; round < rounds; round++)
                {
                    final List<Request> sends = new ArrayList<>();
                    final List<byte[]> keep = new ArrayList<>();
                    for (int peer = 0; peer < size; peer++)
                    {
                        if (peer != me)
                        {
                            for (final int length : new int[]{ SMALL, LARGE })
                            {
                                final byte[] message = message(jobId, me, peer, round, length);
                                keep.add(message);
                                sends.add(world.isend(message, 0, length, peer, tag(round, length)));
                            }
                        }
                    }
                    for (int peer = 0; peer < size; peer++)
                    {
                        if (peer != me)
                        {
                            for (final int length : new int[]{ SMALL, LARGE })
                            {
                                final byte[] received = new byte[length];
                                world.recv(received, 0, length, peer, tag(round, length));
                                final byte[] expected = message(jobId, peer, me, round, length);
                                if (!Arrays.equals(expected, received))
                                {
                                    throw new IllegalStateException("job " + jobId + " rank " + me + " round " + round +
                                        ": message from " + peer + " is not what it sent: it starts with " +
                                        new String(received, 0, Math.min(40, length), StandardCharsets.ISO_8859_1));
                                }
                                checked++;
                            }
                        }
                    }
                    Request.waitAll(sends.toArray(new Request[0]));
                    keep.clear();
                }
                Ranks.say("checked " + checked + " messages");
            }
        }

        private static int tag(final int round, final int length)
        {
            return (round % 1000) * 2 + (SMALL == length ? 0 : 1);
        }

        /**
         * The job id, source, destination and round in text, then bytes that depend on all of them.
         */
        private static byte[] message(
            final String jobId, final int source, final int destination, final int round, final int length)
        {
            final byte[] message = new byte[length];
            final byte[] head = (jobId + "|" + source + "->" + destination + "|" + round + "|")
                .getBytes(StandardCharsets.US_ASCII);
            final ByteBuffer buffer = ByteBuffer.wrap(message);
            buffer.put(head, 0, Math.min(head.length, length));
            final long seed = jobId.hashCode() * 31L + source * 7919L + destination * 104_729L + round;
            final byte[] rest = new byte[length - buffer.position()];
            Ranks.fill(rest, rest.length, seed);
            buffer.put(rest);
            return message;
        }
    }
}
