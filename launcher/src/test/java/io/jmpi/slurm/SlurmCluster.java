package io.jmpi.slurm;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real Slurm of one node on this host for the tests, as Debian packages it (slurmctld, slurmd, slurm-client,
 * munge): installed with apt-get when missing and the tests run as root, configured in a directory of its own with
 * ports of its own, started for the tests and stopped after them. Where the packages cannot be installed the tests
 * are skipped, saying why.
 */
final class SlurmCluster implements AutoCloseable
{
    private static final long INSTALL_TIMEOUT_S = 600;
    private static final long START_TIMEOUT_MS = 60_000;
    private static final List<String> PACKAGES = List.of("slurmctld", "slurmd", "slurm-client", "munge");
    private static final Path MUNGE_PID = Path.of("/run/munge/munged.pid");

    private final Path directory;
    private final Path config;
    private final List<Process> daemons = new ArrayList<>();
    private boolean startedMunge;

    private SlurmCluster(final Path directory)
    {
        this.directory = directory;
        this.config = directory.resolve("slurm.conf");
    }

    /**
     * Install (if need be), configure and start Slurm, or skip the calling tests.
     *
     * @param directory an empty directory for the configuration, state and logs.
     * @return the running cluster.
     * @throws Exception if it cannot be started although installed.
     */
    static SlurmCluster start(final Path directory) throws Exception
    {
        ensureInstalled();
        final SlurmCluster cluster = new SlurmCluster(directory);
        try
        {
            cluster.configure();
            cluster.startMunge();
            cluster.daemons.add(cluster.daemon("slurmctld", "-D", "-i", "-f", cluster.config.toString()));
            cluster.daemons.add(cluster.daemon("slurmd", "-D", "-f", cluster.config.toString()));
            cluster.awaitIdleNode();
            return cluster;
        }
        catch (final Exception | AssertionError ex)
        {
            cluster.close();
            throw ex;
        }
    }

    /**
     * @param command a Slurm client command line, e.g. {@code salloc -n 2 ...}.
     * @return a builder for it, its environment pointing at this cluster's configuration.
     */
    ProcessBuilder command(final List<String> command)
    {
        final ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SLURM_CONF", config.toString());
        // the jobs inherit this environment: no allocation of an outer Slurm leaks in
        builder.environment().keySet().removeIf(name -> name.startsWith("SLURM_") && !"SLURM_CONF".equals(name));
        return builder;
    }

    @Override
    public void close() throws InterruptedException, IOException
    {
        for (final Process daemon : daemons)
        {
            daemon.destroy();
            if (!daemon.waitFor(20, TimeUnit.SECONDS))
            {
                daemon.destroyForcibly();
            }
        }
        if (startedMunge && Files.exists(MUNGE_PID))
        {
            final long pid = Long.parseLong(Files.readString(MUNGE_PID).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    private static void ensureInstalled() throws IOException, InterruptedException
    {
        if (installed())
        {
            return;
        }
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && new File("/usr/bin/apt-get").exists(),
            "Slurm is not installed, and only root with apt-get could install it here");
        final ProcessBuilder install = new ProcessBuilder(new ArrayList<>(List.of("apt-get", "install", "-y", "-qq")));
        install.command().addAll(PACKAGES);
        install.environment().put("DEBIAN_FRONTEND", "noninteractive");
        install.redirectErrorStream(true);
        final Process process = install.start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        final boolean done = process.waitFor(INSTALL_TIMEOUT_S, TimeUnit.SECONDS);
        Assumptions.assumeTrue(done && 0 == process.exitValue() && installed(),
            () -> "the Slurm packages " + PACKAGES + " cannot be installed: " + tail(output));
    }

    private static boolean installed()
    {
        return new File("/usr/sbin/slurmctld").canExecute() && new File("/usr/sbin/slurmd").canExecute() &&
            new File("/usr/bin/salloc").canExecute() && new File("/usr/sbin/munged").canExecute();
    }

    private void configure() throws IOException, InterruptedException
    {
        final String node = run(List.of("hostname", "-s")).trim();
        final int port = 30000 + 2 * ThreadLocalRandom.current().nextInt(5000);
        for (final String sub : List.of("state", "spool", "log"))
        {
            Files.createDirectories(directory.resolve(sub));
        }
        Files.writeString(config, String.join("\n",
            "ClusterName=jmpitest",
            "SlurmctldHost=" + node,
            "SlurmUser=root",
            "SlurmdUser=root",
            "SlurmctldPort=" + port,
            "SlurmdPort=" + (port + 1),
            "AuthType=auth/munge",
            "StateSaveLocation=" + directory.resolve("state"),
            "SlurmdSpoolDir=" + directory.resolve("spool"),
            "SlurmctldPidFile=" + directory.resolve("slurmctld.pid"),
            "SlurmdPidFile=" + directory.resolve("slurmd.pid"),
            "SlurmctldLogFile=" + directory.resolve("log/slurmctld.log"),
            "SlurmdLogFile=" + directory.resolve("log/slurmd.log"),
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_Core",
            "MpiDefault=none",
            "ReturnToService=2",
            "JobCompType=jobcomp/none",
            "AccountingStorageType=accounting_storage/none",
            "NodeName=" + node + " CPUs=" + Runtime.getRuntime().availableProcessors() + " State=UNKNOWN",
            "PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES",
            ""));
    }

    private void startMunge() throws IOException, InterruptedException
    {
        if (Files.exists(MUNGE_PID) && ProcessHandle.of(Long.parseLong(Files.readString(MUNGE_PID).trim()))
            .map(ProcessHandle::isAlive).orElse(false))
        {
            return;
        }
        Files.createDirectories(MUNGE_PID.getParent());
        run(List.of("chown", "munge:munge", MUNGE_PID.getParent().toString()));
        run(List.of("munged", "--force"));
        startedMunge = true;
    }

    private Process daemon(final String... command) throws IOException
    {
        return command(List.of(command)).redirectErrorStream(true)
            .redirectOutput(directory.resolve("log/" + command[0] + ".out").toFile()).start();
    }

    private void awaitIdleNode() throws IOException, InterruptedException
    {
        final long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        String state = "";
        while (System.currentTimeMillis() < deadline)
        {
            state = run(command(List.of("sinfo", "-h", "-o", "%t")).command()).trim();
            if ("idle".equals(state))
            {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the Slurm node did not become idle within " + START_TIMEOUT_MS + " ms (sinfo: " +
            state + "); logs in " + directory.resolve("log"));
    }

    private String run(final List<String> command) throws IOException, InterruptedException
    {
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("SLURM_CONF", config.toString()));
        final Process process = builder.start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    private static String tail(final String output)
    {
        final String[] lines = output.strip().split("\n");
        return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - 5), lines.length));
    }
}
