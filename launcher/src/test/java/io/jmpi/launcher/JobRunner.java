package io.jmpi.launcher;

import io.jmpi.transport.EmbeddedDriver;
import io.jmpi.transport.JobEnvironment;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs jobs through a real jrun process for tests: {@code java <jmpi flags> -cp <test class path> io.jmpi.launcher.Jrun
 * ...}. The ranks inherit the test class path, so a rank program can be a static nested class of the test.
 * <pre>{@code
 * final JobResult result = JobRunner.run(4, MyTest.Ping.class, "100").assertSuccess();
 * assertEquals(List.of("done"), result.linesOfRank(3));
 * }</pre>
 */
public final class JobRunner
{
    /** How long a job may run unless a test says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private static final Duration CLEANUP_WAIT = Duration.ofSeconds(5);

    static
    {
        ownJobRoot();
    }

    private JobRunner()
    {
    }

    /**
     * Give the jobs of these tests a directory of their own for their job directories (and make this JVM look
     * there too), so that another jrun of the host, which removes the stale job directories it finds, never removes
     * one that a test expects its own jrun to remove, and the tests never remove another job's. Its name lacks
     * jrun's "jmpi-" prefix so that no jrun takes it for a job directory. It is removed at exit when empty.
     */
    private static void ownJobRoot()
    {
        if (null != System.getProperty(EmbeddedDriver.JOB_ROOT_PROPERTY))
        {
            return;
        }
        final Path shm = Path.of(EmbeddedDriver.SHM_ROOT);
        final Path parent = Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        final Path root = parent.resolve("jmpitest-" + ProcessHandle.current().pid());
        try
        {
            Files.createDirectories(root);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot make the tests' job root " + root, ex);
        }
        System.setProperty(EmbeddedDriver.JOB_ROOT_PROPERTY, root.toString());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> root.toFile().delete(), "jmpi-tests-job-root"));
    }

    /**
     * Run {@code jrun -np np mainClass args...} and wait at most {@link #DEFAULT_TIMEOUT} for it.
     *
     * @param np        number of ranks.
     * @param mainClass the program of every rank.
     * @param args      program arguments.
     * @return exit code and output of jrun.
     * @throws AssertionError if jrun does not exit in time; it is killed.
     */
    public static JobResult run(final int np, final Class<?> mainClass, final String... args)
    {
        return run(List.of(), DEFAULT_TIMEOUT, np, mainClass, args);
    }

    /**
     * Run {@code jrun -np np jrunOptions... mainClass args...}.
     *
     * @param jrunOptions more jrun options, e.g. {@code --no-prefix} or {@code -J-Xmx256m}.
     * @param timeout     how long jrun may run; then it is killed and the test fails.
     * @param np          number of ranks.
     * @param mainClass   the program of every rank.
     * @param args        program arguments.
     * @return exit code and output of jrun.
     * @throws AssertionError if jrun does not exit in time; it is killed.
     */
    public static JobResult run(
        final List<String> jrunOptions, final Duration timeout, final int np, final Class<?> mainClass,
        final String... args)
    {
        final List<String> jrunArgs = new ArrayList<>();
        jrunArgs.add("-np");
        jrunArgs.add(Integer.toString(np));
        jrunArgs.addAll(jrunOptions);
        jrunArgs.add(mainClass.getName());
        jrunArgs.addAll(List.of(args));
        return jrun(timeout, jrunArgs.toArray(new String[0]));
    }

    /**
     * Run jrun with a raw command line, e.g. to test how it rejects bad input.
     *
     * @param timeout  how long jrun may run; then it is killed and the test fails.
     * @param jrunArgs the whole jrun command line.
     * @return exit code and output of jrun.
     * @throws AssertionError if jrun does not exit in time; it is killed.
     */
    public static JobResult jrun(final Duration timeout, final String... jrunArgs)
    {
        try (RunningJob job = start(jrunArgs))
        {
            return job.await(timeout);
        }
    }

    /**
     * Start jrun and return at once, to watch or signal it while it runs.
     *
     * @param jrunArgs the whole jrun command line.
     * @return the running jrun; close it to make sure it ends.
     */
    public static RunningJob start(final String... jrunArgs)
    {
        return startIn(null, jrunArgs);
    }

    /**
     * Start jrun in a working directory and return at once.
     *
     * @param workingDirectory where jrun runs, so that relative paths on its command line start there; {@code null}
     *                         for the test's own.
     * @param jrunArgs         the whole jrun command line.
     * @return the running jrun; close it to make sure it ends.
     */
    public static RunningJob startIn(final Path workingDirectory, final String... jrunArgs)
    {
        return startWith(workingDirectory, System.getProperty("java.class.path"), jrunArgs);
    }

    /**
     * Run jrun from a class path of the test's choosing, e.g. one without the API faces, as an installed jrun has.
     *
     * @param timeout       how long jrun may run; then it is killed and the test fails.
     * @param jrunClassPath the class path of jrun's JVM, which its ranks inherit.
     * @param jrunArgs      the whole jrun command line.
     * @return exit code and output of jrun.
     */
    public static JobResult jrunWithClassPath(final Duration timeout, final String jrunClassPath,
        final String... jrunArgs)
    {
        try (RunningJob job = startWith(null, jrunClassPath, jrunArgs))
        {
            return job.await(timeout);
        }
    }

    /**
     * @return the test class path without the entries that hold an API face (package mpi): what jrun's own class
     * path holds outside the tests.
     */
    public static String classPathWithoutApiFaces()
    {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !holdsApiFace(Path.of(entry)))
            .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * @return the entry of the test class path that holds the API face the tests are compiled against.
     */
    public static String apiFaceOfTheTests()
    {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> holdsApiFace(Path.of(entry)))
            .findFirst().orElseThrow(() -> new AssertionError("no API face on the test class path"));
    }

    private static boolean holdsApiFace(final Path entry)
    {
        if (Files.isDirectory(entry))
        {
            return Files.exists(entry.resolve("mpi/MPI.class"));
        }
        try (JarFile jar = new JarFile(entry.toFile()))
        {
            return null != jar.getEntry("mpi/MPI.class");
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    /**
     * @param jrunArgs the whole jrun command line.
     * @return the command that runs jrun from the test class path, e.g. for another program to start (salloc).
     */
    public static List<String> jrunCommand(final String... jrunArgs)
    {
        return jrunCommand(System.getProperty("java.class.path"), jrunArgs);
    }

    private static List<String> jrunCommand(final String jrunClassPath, final String... jrunArgs)
    {
        final List<String> command = new ArrayList<>();
        command.add(Jvm.executable());
        command.addAll(Jvm.jobFlags());
        command.add("-cp");
        command.add(jrunClassPath);
        command.add(Jrun.class.getName());
        command.addAll(List.of(jrunArgs));
        return command;
    }

    /**
     * Start jrun with something on its standard input, which then ends, and return at once.
     *
     * @param input    what jrun reads on its standard input (and passes to rank 0).
     * @param jrunArgs the whole jrun command line.
     * @return the running jrun; close it to make sure it ends.
     */
    public static RunningJob startWithInput(final byte[] input, final String... jrunArgs)
    {
        return startWith(null, System.getProperty("java.class.path"), input, jrunArgs);
    }

    private static RunningJob startWith(final Path workingDirectory, final String jrunClassPath,
        final String... jrunArgs)
    {
        return startWith(workingDirectory, jrunClassPath, new byte[0], jrunArgs);
    }

    private static RunningJob startWith(final Path workingDirectory, final String jrunClassPath, final byte[] input,
        final String... jrunArgs)
    {
        final ProcessBuilder builder = new ProcessBuilder(jrunCommand(jrunClassPath, jrunArgs));
        if (null != workingDirectory)
        {
            builder.directory(workingDirectory.toFile());
        }
        // surefire sets it to the test class path, which jrun would add to the ranks' class path once more
        builder.environment().remove("CLASSPATH");
        try
        {
            return new RunningJob(builder.start(), input);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot start jrun", ex);
        }
    }

    /**
     * Start a JVM that runs a class of the tests, with the test class path and the flags jmpi needs, e.g. a process
     * outside a job that tampers with it.
     *
     * @param mainClass the class to run.
     * @param args      its arguments.
     * @return the running process, whose output is collected; close it to make sure it ends.
     */
    public static RunningJob startJava(final Class<?> mainClass, final String... args)
    {
        final List<String> command = javaCommand(System.getProperty("java.class.path"), mainClass, args);
        try
        {
            return new RunningJob(new ProcessBuilder(command).start());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot start " + mainClass.getName(), ex);
        }
    }

    /**
     * @param classPath the class path of the JVM.
     * @param mainClass the class to run.
     * @param args      its arguments.
     * @return the command that runs the class in a JVM with the flags jmpi needs.
     */
    public static List<String> javaCommand(final String classPath, final Class<?> mainClass, final String... args)
    {
        final List<String> command = new ArrayList<>();
        command.add(Jvm.executable());
        command.addAll(Jvm.jobFlags());
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * @param jobId a job id.
     * @return the job's Aeron directory, where jrun puts it.
     */
    public static Path aeronDir(final String jobId)
    {
        return Path.of(EmbeddedDriver.aeronDirFor(jobId));
    }

    /**
     * @return a job id for {@code --job-id}, unique among tests, so that a test can check the job's leftovers.
     */
    public static String newJobId()
    {
        return "test-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }

    /**
     * Fail unless the job left nothing behind: no Aeron directory, no other file named after the job in the
     * shared-memory directory, and no process of the job.
     *
     * @param jobId the id given to jrun with {@code --job-id}.
     * @throws AssertionError naming what is left, which is then removed.
     */
    public static void assertCleanedUp(final String jobId)
    {
        final File aeronDir = new File(EmbeddedDriver.aeronDirFor(jobId));
        final long deadlineNs = System.nanoTime() + CLEANUP_WAIT.toNanos();
        Set<ProcessHandle> processes = processesOf(jobId);
        while (!processes.isEmpty() && System.nanoTime() < deadlineNs)
        {
            pause();
            processes = processesOf(jobId);
        }

        final List<Path> files = filesOf(jobId);
        processes.forEach(ProcessHandle::destroyForcibly);
        files.forEach(JobRunner::deleteRecursively);
        if (!files.isEmpty() || !processes.isEmpty())
        {
            throw new AssertionError("job " + jobId + " left" + (files.isEmpty() ? "" : " files " + files) +
                (processes.isEmpty() ? "" : " processes " +
                    processes.stream().map(p -> Long.toString(p.pid())).collect(Collectors.joining(", "))));
        }
    }

    /**
     * @param jobId a job id.
     * @return the entries of the shared-memory directory (where job directories live) named after the job.
     */
    public static List<Path> filesOf(final String jobId)
    {
        final Path root = Path.of(EmbeddedDriver.aeronDirFor(jobId)).getParent();
        try (Stream<Path> entries = Files.list(root))
        {
            return entries.filter(path -> path.getFileName().toString().contains(jobId)).toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Processes of a job are those whose environment names it: the ranks and whatever they started. Linux only.
     *
     * @param jobId the job id.
     * @return the live processes of the job.
     */
    public static Set<ProcessHandle> processesOf(final String jobId)
    {
        final String variable = JobEnvironment.JOB_ID + "=" + jobId;
        return ProcessHandle.allProcesses()
            .filter(process -> environment(process.pid()).contains(variable))
            .collect(Collectors.toSet());
    }

    /**
     * @param pid a process of this user.
     * @return its environment, {@code NAME=value} each; empty if it is gone or not ours to read.
     */
    public static List<String> environment(final long pid)
    {
        try
        {
            final byte[] environ = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
            return List.of(new String(environ, StandardCharsets.ISO_8859_1).split("\0"));
        }
        catch (final IOException | SecurityException ex)
        {
            // gone already, or not ours to read: not a process of the job
            return List.of();
        }
    }

    private static void pause()
    {
        try
        {
            Thread.sleep(50);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the job's processes to end", ex);
        }
    }

    private static void deleteRecursively(final Path path)
    {
        if (Files.exists(path))
        {
            try (Stream<Path> paths = Files.walk(path))
            {
                for (final Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList())
                {
                    Files.deleteIfExists(p);
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
