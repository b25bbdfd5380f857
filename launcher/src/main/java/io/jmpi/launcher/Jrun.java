package io.jmpi.launcher;

import io.jmpi.transport.EmbeddedDriver;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * jrun, the jmpi launcher: starts the ranks of a job on this host, hosts their media driver, forwards their output
 * and ends them all when one fails. See {@link JrunOptions#USAGE} or {@code jrun --help}.
 */
public final class Jrun
{
    /** Exit code for a bad command line, jar or main class. */
    static final int USAGE_EXIT_CODE = 2;
    /** Exit code when jrun itself fails: a bug, not a mistake of the user. */
    static final int INTERNAL_ERROR_EXIT_CODE = 1;

    private Jrun()
    {
    }

    /**
     * Run the job the command line describes and exit with its status.
     *
     * @param args the jrun command line.
     */
    public static void main(final String[] args)
    {
        int exitCode = INTERNAL_ERROR_EXIT_CODE;
        try
        {
            exitCode = run(args);
        }
        catch (final Throwable ex)
        {
            System.err.print("jrun: internal error: ");
            ex.printStackTrace();
        }
        // the media driver's threads would keep the JVM alive after an unexpected error
        System.exit(exitCode);
    }

    private static int run(final String[] args) throws InterruptedException
    {
        final JrunOptions options;
        final RankProgram program;
        final String jobId;
        final List<HostList.Host> hosts;
        final int[] hostOf;
        final RankSettings settings;
        try
        {
            final JrunOptions parsed = JrunOptions.parse(args);
            if (parsed.help())
            {
                System.out.print(JrunOptions.USAGE);
                return 0;
            }
            if (parsed.version())
            {
                System.out.println("jrun (jmpi) " + version());
                return 0;
            }
            // inside a Slurm allocation, as mpirun does: its nodes through srun, unless told otherwise
            final boolean inAllocation = null != System.getenv("SLURM_JOB_ID") && null == parsed.hosts() &&
                null == parsed.hostfile() && null == parsed.launchAgent();
            final JrunOptions placed = inAllocation ? parsed.withLaunchAgent("srun") : parsed;
            final List<HostList.Host> named = perNode(hosts(placed), placed.ranksPerNode());
            // a job whose hosts are all this host runs here, as one job on one host
            hosts = named.stream().allMatch(host -> LocalHost.isLocal(host.name())) ? List.of() : named;
            options = placed.withRanks(RankCount.of(placed, named, System.getenv()));
            if (hosts.isEmpty())
            {
                SharedMemory.check(options.ranks());
            }
            program = RankProgram.resolve(options);
            settings = RankSettings.of(options);
            if (settings.bindToCore() && hosts.isEmpty() && !Executables.onPath("taskset"))
            {
                throw new UsageException("--bind-to core needs taskset (util-linux), which is not on the PATH");
            }
            // before the id check: a dead job's directory no longer blocks its id
            StaleJobDirectories.removeStale(System.err);
            jobId = null == options.jobId() ? newJobId() : unusedJobId(options.jobId());
            hostOf = hosts.isEmpty() ? null : Placement.place(hosts, options.ranks(), options.mapByNode());
        }
        catch (final UsageException ex)
        {
            System.err.println("jrun: " + ex.getMessage() + " (see jrun --help)");
            return USAGE_EXIT_CODE;
        }

        if (!hosts.isEmpty())
        {
            final RemoteJob job =
                new RemoteJob(jobId, options, settings, hosts, hostOf, program.command(), System.out, System.err);
            Runtime.getRuntime().addShutdownHook(new Thread(job::close, "jrun-shutdown"));
            try (job)
            {
                return job.run();
            }
        }

        final Job job = new Job(jobId, options, settings, program.command(), System.out, System.err);
        // SIGINT and SIGTERM run the shutdown hooks: the ranks end and the job's directory goes then too
        Runtime.getRuntime().addShutdownHook(new Thread(job::close, "jrun-shutdown"));
        try (job)
        {
            return job.run();
        }
    }

    /**
     * The hosts of a job across hosts: --host, --hostfile, else the Slurm allocation jrun runs in; none for a job
     * on this host.
     */
    private static List<HostList.Host> hosts(final JrunOptions options) throws UsageException
    {
        if (null != options.hosts() && null != options.hostfile())
        {
            throw new UsageException("give --host or --hostfile, not both");
        }
        if (null != options.hosts())
        {
            return HostList.parseHostOption(options.hosts());
        }
        if (null != options.hostfile())
        {
            return HostList.readHostfile(Path.of(options.hostfile()));
        }
        return null == options.launchAgent() || !options.launchAgent().startsWith("srun") ?
            List.of() : HostList.fromSlurm(System.getenv());
    }

    /**
     * @return the hosts with N slots each for {@code -N N}, as given without it.
     */
    private static List<HostList.Host> perNode(final List<HostList.Host> hosts, final int ranksPerNode)
    {
        return 0 == ranksPerNode ? hosts :
            hosts.stream().map(host -> new HostList.Host(host.name(), ranksPerNode)).toList();
    }

    private static String version()
    {
        try (InputStream in = Jrun.class.getResourceAsStream("version.txt"))
        {
            return null == in ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        catch (final IOException ex)
        {
            return "unknown";
        }
    }

    /**
     * The pid makes the id unique among running jobs, the random part among jobs over time.
     */
    private static String newJobId()
    {
        return Long.toHexString(ProcessHandle.current().pid()) + "-" +
            String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    /**
     * The driver deletes an existing directory on start, which would break a running job of the same id.
     */
    private static String unusedJobId(final String jobId) throws UsageException
    {
        final String aeronDir = EmbeddedDriver.aeronDirFor(jobId);
        if (new File(aeronDir).exists())
        {
            throw new UsageException("job id " + jobId + " is in use: " + aeronDir + " exists");
        }
        return jobId;
    }
}
