package io.jmpi.multihost;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.driver.MediaDriver;
import io.jmpi.failure.ForgedFrames;
import io.jmpi.failure.StrangerTest;
import io.jmpi.launcher.JobRunner;
import io.jmpi.launcher.RunningJob;
import io.jmpi.transport.Channels;
import io.jmpi.transport.EmbeddedDriver;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process on a host outside the job (the third test host), with a media driver of its own, sends the frames a
 * stranger can forge over UDP to the inboxes of a job's ranks on the other two hosts: the ranks drop and count
 * them, and their real exchange across the hosts stays intact. Every host's job directory is owner-only.
 */
@ExtendWith(TestHosts.Lifecycle.class)
class MultiHostStrangerTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path tempDir;

    @Test
    void ranksDropWhatAHostOutsideTheJobSendsToTheirUdpInboxes() throws IOException
    {
        TestHosts.require();
        final String jobId = JobRunner.newJobId();
        final Path go = tempDir.resolve("go");
        try (RunningJob job = JobRunner.start("--host", "jmpih1:1,jmpih2:1", "--launch-agent", TestHosts.LAUNCH_AGENT,
            "-np", "2", "--job-id", jobId, StrangerTest.Exchange.class.getName(), go.toString()))
        {
            job.awaitStdout(out -> out.contains("[0] ready\n") && out.contains("[1] ready\n"), TIMEOUT);
            final String endpoints = endpointsOf(jobId);
            for (int host = 0; host < 2; host++)
            {
                assertOwnerOnly(Path.of(EmbeddedDriver.aeronDirFor(jobId + "-" + host)));
            }

            final List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", "jmpih3"));
            command.addAll(JobRunner.javaCommand(
                System.getProperty("java.class.path"), UdpStranger.class, jobId, endpoints));
            final Process stranger = new ProcessBuilder(command).redirectErrorStream(true).start();
            final String output = new String(stranger.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(waitFor(stranger), output);
            assertEquals(0, stranger.exitValue(), output);
            assertTrue(output.contains("stranger sent "), output);

            Files.createFile(go);
            StrangerTest.assertExchangedAndDropped(job.await(TIMEOUT).assertSuccess());
        }
        JobRunner.assertCleanedUp(jobId);
    }

    /** Every host's job directory is as owner-only as on one host, UDP images and publications included. */
    private static void assertOwnerOnly(final Path directory) throws IOException
    {
        final List<String> images = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(directory))
        {
            for (final Path path : paths.toList())
            {
                final String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                assertEquals(Files.isDirectory(path) ? "rwx------" : "rw-------", mode, path.toString());
                if (path.getParent().getFileName().toString().equals("images"))
                {
                    images.add(path.getFileName().toString());
                }
            }
        }
        assertTrue(!images.isEmpty(), "no UDP image in " + directory);
    }

    /** The ranks' UDP inbox endpoints, as jrun gave them to the ranks in their environment. */
    private static String endpointsOf(final String jobId)
    {
        final String variable = "JMPI_ENDPOINTS=";
        return JobRunner.processesOf(jobId).stream()
            .flatMap(process -> JobRunner.environment(process.pid()).stream())
            .filter(entry -> entry.startsWith(variable)).map(entry -> entry.substring(variable.length()))
            .findFirst().orElseThrow(() -> new AssertionError("no rank of job " + jobId + " has " + variable));
    }

    private static boolean waitFor(final Process process)
    {
        try
        {
            return process.waitFor(60, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
        finally
        {
            process.destroyForcibly();
        }
    }

    /**
     * Not of the job: starts a media driver of its own and sends the {@link ForgedFrames} of the job's id
     * ({@code args[0]}) to every rank's UDP inbox ({@code args[1]}, the endpoints in rank order).
     */
    public static final class UdpStranger
    {
        public static void main(final String[] args) throws InterruptedException
        {
            final String[] endpoints = args[1].split(",");
            final List<byte[]> frames =
                ForgedFrames.frames(ForgedFrames.tokenOfJobId(args[0]), endpoints.length, StrangerTest.TAG,
                    StrangerTest.SIZES);
            final String dir = EmbeddedDriver.aeronDirFor("stranger-" + UUID.randomUUID());
            int sent = 0;
            try (MediaDriver driver = EmbeddedDriver.launch(dir);
                Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(dir)))
            {
                for (int rank = 0; rank < endpoints.length; rank++)
                {
                    try (Publication publication = aeron.addExclusivePublication(
                        Channels.udpChannel(endpoints[rank]), Channels.inboxStreamId(rank)))
                    {
                        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                        for (final byte[] frame : frames)
                        {
                            while (publication.offer(new UnsafeBuffer(frame)) < 0)
                            {
                                if (System.nanoTime() > deadlineNs)
                                {
                                    throw new IllegalStateException("cannot send to " + endpoints[rank]);
                                }
                                Thread.sleep(1);
                            }
                            sent++;
                        }
                    }
                }
                // closed publications linger: let their frames leave before the driver goes
                Thread.sleep(1000);
            }
            System.out.println("stranger sent " + sent + " frames");
        }
    }
}
