package io.jmpi.slurm;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Op;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jrun inside a real Slurm allocation, as mpirun runs there: without {@code -np} or {@code --launch-agent} it takes
 * the allocation's tasks, in {@code salloc} and in an {@code sbatch} job, and standard input reaches rank 0.
 */
public class SlurmTest
{
    private static final long JOB_TIMEOUT_S = 180;

    @TempDir
    static Path directory;
    private static SlurmCluster slurm;

    @BeforeAll
    static void startSlurm() throws Exception
    {
        slurm = SlurmCluster.start(directory);
    }

    @AfterAll
    static void stopSlurm() throws Exception
    {
        if (null != slurm)
        {
            slurm.close();
        }
    }

    @Test
    void jrunInSallocRunsTheAllocationsTasks() throws Exception
    {
        // --overcommit: more tasks than this host's cores, as a 2-core test host has
        final List<String> command = new ArrayList<>(List.of("salloc", "--overcommit", "-N", "1", "-n", "3"));
        command.addAll(JobRunner.jrunCommand(Sum.class.getName()));
        final String output = run(command, "");
        assertTrue(output.contains("[0] sum 6 of 3 ranks"), output);
    }

    @Test
    void jrunInAnSbatchJobRunsItsTasks() throws Exception
    {
        final Path out = directory.resolve("batch.out");
        final Path script = directory.resolve("job.sh");
        Files.writeString(script, "#!/bin/sh\nexec " + String.join(" ", quoted(JobRunner.jrunCommand(
            Sum.class.getName()))) + "\n");
        final String submitted = run(List.of("sbatch", "--wait", "-n", "2", "-o", out.toString(), script.toString()),
            "");
        assertTrue(submitted.contains("Submitted batch job"), submitted);
        final String output = Files.readString(out);
        assertTrue(output.contains("[0] sum 3 of 2 ranks"), output);
    }

    @Test
    void standardInputReachesRankZero() throws Exception
    {
        final List<String> command = new ArrayList<>(List.of("salloc", "-N", "1", "-n", "2"));
        command.addAll(JobRunner.jrunCommand(Echo.class.getName()));
        final String output = run(command, "a line for rank 0\n");
        assertTrue(output.contains("[0] rank 0 read: a line for rank 0"), output);
        assertTrue(output.contains("[1] rank 1 read: null"), output);
    }

    private static String run(final List<String> command, final String input) throws IOException, InterruptedException
    {
        final Process process = slurm.command(command).redirectErrorStream(true).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(JOB_TIMEOUT_S, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not end in " + JOB_TIMEOUT_S + " s: " + output);
        }
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static List<String> quoted(final List<String> words)
    {
        return words.stream().map(word -> "'" + word.replace("'", "'\\''") + "'").toList();
    }

    /**
     * Sums the ranks' numbers plus one; prints the sum and the size at rank 0.
     */
    public static final class Sum
    {
        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int[] sum = new int[1];
                world.allreduce(new int[]{ world.rank() + 1 }, 0, sum, 0, 1, Op.SUM);
                if (0 == world.rank())
                {
                    System.out.println("sum " + sum[0] + " of " + world.size() + " ranks");
                }
            }
        }
    }

    /**
     * Prints the first line of its standard input.
     */
    public static final class Echo
    {
        public static void main(final String[] args) throws IOException
        {
            final String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                .readLine();
            System.out.println("rank " + System.getenv("JMPI_RANK") + " read: " + line);
        }
    }
}
