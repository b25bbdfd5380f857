package io.jmpi.failure;

import io.aeron.Aeron;
import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
import io.jmpi.Op;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import io.jmpi.launcher.RunningJob;
import io.jmpi.transport.JobEnvironment;
import io.jmpi.transport.JobSecret;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job's directory is 0700 and every file in it 0600 (the driver's, the logs of the ranks' streams, the job
 * page, data rings, shared allocations, collective segments, open markers), and another unix user can neither open
 * them nor join the job: it fails at once with the reason.
 */
class OwnerOnlyFilesTest
{
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    private static final int LARGE = 300_000;

    @TempDir
    Path tempDir;

    @Test
    void theJobsDirectoryAndEveryFileInItAreOwnerOnly() throws IOException
    {
        final String jobId = JobRunner.newJobId();
        final Path go = tempDir.resolve("go");
        try (RunningJob job = JobRunner.start("-np", "2", "--job-id", jobId, Traffic.class.getName(), go.toString()))
        {
            job.awaitStdout(out -> out.contains("[0] ready\n") && out.contains("[1] ready\n"), JOB_TIMEOUT);
            final Path directory = JobRunner.aeronDir(jobId);
            final List<String> names = new ArrayList<>();
            try (Stream<Path> paths = Files.walk(directory))
            {
                for (final Path path : paths.toList())
                {
                    final String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                    assertEquals(Files.isDirectory(path) ? "rwx------" : "rw-------", mode, path.toString());
                    names.add(directory.relativize(path).toString());
                }
            }
            for (final String expected : new String[]{ "cnc.dat", "ranks", "rank-0.open", "rank-1.open", "mem-0-" })
            {
                assertTrue(names.stream().anyMatch(name -> name.startsWith(expected)), expected + " in " + names);
            }
            assertTrue(names.stream().filter(name -> name.startsWith("publications/")).count() >= 2, names.toString());
            Files.createFile(go);
            job.await(JOB_TIMEOUT).assertSuccess();
        }
        JobRunner.assertCleanedUp(jobId);
    }

    @Test
    void anotherUserCanNeitherOpenTheJobsFilesNorJoinIt() throws IOException, URISyntaxException
    {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
            "skipped: making a second unix user needs root");
        final String user = "jmpit" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20));
        final int added = run(List.of("useradd", "--no-create-home", "--shell", "/bin/sh", user)).exitCode();
        Assumptions.assumeTrue(0 == added, "skipped: useradd failed");
        final String jobId = JobRunner.newJobId();
        final Path go = tempDir.resolve("go");
        final Path classes = Files.createTempDirectory("jmpi-other-user");
        try (RunningJob job = JobRunner.start("-np", "2", "--job-id", jobId, Traffic.class.getName(), go.toString()))
        {
            job.awaitStdout(out -> out.contains("[0] ready\n") && out.contains("[1] ready\n"), JOB_TIMEOUT);
            final Path directory = JobRunner.aeronDir(jobId);

            final JobResult list = run(List.of("runuser", "-u", user, "--", "ls", directory.toString()));
            assertNotEquals(0, list.exitCode(), list.toString());
            assertTrue(list.stderr().contains("Permission denied"), list.toString());
            try (Stream<Path> paths = Files.walk(directory))
            {
                for (final Path path : paths.filter(Files::isRegularFile).toList())
                {
                    final JobResult read = run(List.of("runuser", "-u", user, "--", "head", "-c", "1", path.toString()));
                    assertNotEquals(0, read.exitCode(), path + ": " + read);
                }
            }

            final long startNs = System.nanoTime();
            final JobResult probe = run(asUser(user, classes, jobId, directory));
            final long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNs);
            assertEquals(0, probe.exitCode(), probe.toString());
            assertTrue(probe.stdout().contains("init failed: ERR_OTHER: cannot join the job: the job's directory " +
                directory + " belongs to user root and admits its owner only; this process runs as " + user),
                probe.toString());
            assertTrue(probe.stdout().contains("aeron failed: "), probe.toString());
            assertTrue(seconds < 30, "the other user's attempts took " + seconds + " s");

            Files.createFile(go);
            job.await(JOB_TIMEOUT).assertSuccess();
        }
        finally
        {
            run(List.of("userdel", user));
            run(List.of("rm", "-rf", classes.toString()));
        }
        JobRunner.assertCleanedUp(jobId);
    }

    /**
     * The probe's command as the other user, on a copy of the class path that user can read (the build's
     * repository lies under root's home).
     */
    private static List<String> asUser(
        final String user, final Path classes, final String jobId, final Path directory)
        throws IOException, URISyntaxException
    {
        Files.setPosixFilePermissions(classes, PosixFilePermissions.fromString("rwxr-xr-x"));
        final List<String> classPath = new ArrayList<>();
        // jars in a repository, or class directories in a reactor build
        for (final Class<?> type : new Class<?>[]{ Mpi.class, Aeron.class, DirectBuffer.class })
        {
            final Path source = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            final Path copy = classes.resolve(classPath.size() + "-" + source.getFileName());
            try (Stream<Path> paths = Files.walk(source))
            {
                for (final Path path : paths.toList())
                {
                    Files.copy(path, copy.resolve(source.relativize(path).toString()));
                }
            }
            classPath.add(copy.toString());
        }
        final String probe = OtherUser.class.getName().replace('.', '/') + ".class";
        final Path probeCopy = classes.resolve("probe").resolve(probe);
        Files.createDirectories(probeCopy.getParent());
        try (var in = OtherUser.class.getClassLoader().getResourceAsStream(probe))
        {
            Files.copy(in, probeCopy);
        }
        try (Stream<Path> paths = Files.walk(classes))
        {
            for (final Path path : paths.toList())
            {
                Files.setPosixFilePermissions(path,
                    PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        classPath.add(classes.resolve("probe").toString());

        final List<String> command = new ArrayList<>(List.of("runuser", "-u", user, "--", "env",
            JobEnvironment.RANK + "=1", JobEnvironment.SIZE + "=2", JobEnvironment.JOB_ID + "=" + jobId,
            JobEnvironment.SECRET + "=" + JobSecret.generate(), JobEnvironment.AERON_DIR + "=" + directory));
        command.addAll(JobRunner.javaCommand(String.join(":", classPath), OtherUser.class, directory.toString()));
        return command;
    }

    private static JobResult run(final List<String> command)
    {
        try
        {
            final Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            final String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            final String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
            }
            return new JobResult(process.exitValue(), stdout, stderr);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /**
     * Both ranks make every kind of file a job has: a large message through the data ring, one from a shared
     * allocation, a collective on the shared-memory segment; then they wait for the test's go.
     */
    public static final class Traffic
    {
        public static void main(final String[] args) throws InterruptedException
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int me = world.rank();
                final byte[] large = new byte[LARGE];
                final ByteBuffer shared = mpi.allocMem(LARGE);
                if (0 == me)
                {
                    world.send(large, 0, LARGE, 1, 1);
                    world.send(shared, 0, LARGE, 1, 2);
                    world.recv(large, 0, LARGE, 1, 3);
                }
                else
                {
                    world.recv(large, 0, LARGE, 0, 1);
                    world.recv(large, 0, LARGE, 0, 2);
                    world.send(shared, 0, LARGE, 0, 3);
                }
                final long[] sum = new long[1];
                world.allreduce(new long[]{ me + 1 }, 0, sum, 0, 1, Op.SUM);
                if (3 != sum[0])
                {
                    throw new IllegalStateException("allreduce gave " + sum[0]);
                }
                Ranks.say("ready");
                Ranks.awaitFile(Path.of(args[0]), 60);
                world.barrier();
                mpi.freeMem(shared);
            }
        }
    }

    /**
     * Run as another unix user with the job's environment: joining the job must fail at once naming the reason,
     * and a plain Aeron client must fail within its driver timeout rather than hang.
     */
    public static final class OtherUser
    {
        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                System.out.println("joined the job of " + mpi.jobId() + ": the directory let a stranger in");
            }
            catch (final MpiException ex)
            {
                System.out.println("init failed: " + ex.getMessage());
            }
            try (Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(args[0]).driverTimeoutMs(3000)))
            {
                System.out.println("connected to the driver as client " + aeron.clientId());
            }
            catch (final RuntimeException ex)
            {
                System.out.println("aeron failed: " + ex);
            }
        }
    }
}
