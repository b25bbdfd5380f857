package io.jmpi.transport;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The contract between the jrun launcher and a rank: the environment variables jrun sets for every rank process.
 * <p>
 * Each variable may also be given as a system property of the same name ({@code -DJMPI_RANK=1}), which wins over
 * the environment: that lets a harness such as JMH run a rank inside a JVM it starts itself.
 * <p>
 * A process started without {@link #RANK} set is a singleton: a world of one rank with its own embedded media
 * driver, like MPI's singleton init.
 */
public final class JobEnvironment
{
    /** This rank's number in the world communicator, {@code 0..size-1}. */
    public static final String RANK = "JMPI_RANK";
    /** The number of ranks in the world communicator. */
    public static final String SIZE = "JMPI_SIZE";
    /** A name unique to the job on its hosts; the job's directories are named after it. It is no secret. */
    public static final String JOB_ID = "JMPI_JOB_ID";
    /**
     * The job's secret ({@link JobSecret}), from which the token in every frame is derived. It comes in the
     * environment, which only the rank's own user can read, never as an argument that {@code ps} would show.
     */
    public static final String SECRET = "JMPI_JOB_SECRET";
    /** The Aeron directory of the media driver that jrun hosts for this host. */
    public static final String AERON_DIR = "JMPI_AERON_DIR";
    /** How many ranks of the job run on this host; the runtime backs off harder when they outnumber the cores. */
    public static final String LOCAL_SIZE = "JMPI_LOCAL_SIZE";
    /**
     * For jobs across hosts: the UDP inbox endpoint of every rank, {@code address:port} in rank order, separated by
     * commas. Ranks whose endpoints share this rank's address are on its host and are reached by IPC. Absent for
     * a job on one host.
     */
    public static final String ENDPOINTS = "JMPI_ENDPOINTS";
    /**
     * For jobs across hosts: the UDP multicast group of the job's broadcasts, {@code address:port}. Absent when
     * broadcasts across hosts go along a tree over unicast ({@code jrun --multicast off}).
     */
    public static final String MULTICAST = "JMPI_MULTICAST";
    /**
     * The process id of the process that hosts this host's media driver: jrun, or its host agent on a host of a job
     * across hosts. The rank ends itself when that process is gone ({@link DriverHostWatch}). Absent when something
     * other than jrun starts the rank.
     */
    public static final String DRIVER_PID = "JMPI_DRIVER_PID";

    private final int rank;
    private final int size;
    private final String jobId;
    private final String secret;
    private final String aeronDir;
    private final int localSize;
    private final String[] endpoints;
    private final String multicast;
    private final long driverPid;

    private JobEnvironment(
        final int rank,
        final int size,
        final String jobId,
        final String secret,
        final String aeronDir,
        final int localSize,
        final String[] endpoints,
        final String multicast,
        final long driverPid)
    {
        this.endpoints = endpoints;
        this.multicast = multicast;
        this.driverPid = driverPid;
        this.rank = rank;
        this.size = size;
        this.jobId = jobId;
        this.secret = secret;
        this.aeronDir = aeronDir;
        this.localSize = localSize;
    }

    /**
     * The job environment of this process: its environment variables, overridden by system properties of the
     * same names.
     *
     * @return the environment of a rank started by jrun, or {@code null} for a singleton.
     * @throws IllegalStateException if the variables are present but inconsistent.
     */
    public static JobEnvironment current()
    {
        final Map<String, String> merged = new HashMap<>(System.getenv());
        final String[] names = { RANK, SIZE, JOB_ID, SECRET, AERON_DIR, LOCAL_SIZE, ENDPOINTS, MULTICAST, DRIVER_PID };
        for (final String name : names)
        {
            final String value = System.getProperty(name);
            if (null != value)
            {
                merged.put(name, value);
            }
        }
        return fromEnvironment(merged);
    }

    /**
     * Read the job environment from a map of variables.
     *
     * @param env the environment, normally {@link System#getenv()}.
     * @return the environment of a rank started by jrun, or {@code null} for a singleton.
     * @throws IllegalStateException if the variables are present but inconsistent.
     */
    public static JobEnvironment fromEnvironment(final Map<String, String> env)
    {
        final String rankValue = env.get(RANK);
        if (null == rankValue)
        {
            return null;
        }

        final int rank = parse(env, RANK);
        final int size = parse(env, SIZE);
        final String jobId = require(env, JOB_ID);
        final String secret = require(env, SECRET);
        JobSecret.validate(secret);
        final String aeronDir = require(env, AERON_DIR);
        final String local = env.get(LOCAL_SIZE);
        final int localSize = null == local ? size : parse(env, LOCAL_SIZE);
        if (size < 1 || rank < 0 || rank >= size)
        {
            throw new IllegalStateException(RANK + "=" + rank + " is not within " + SIZE + "=" + size);
        }

        final String endpointList = env.get(ENDPOINTS);
        String[] endpoints = null;
        if (null != endpointList && !endpointList.isEmpty())
        {
            endpoints = endpointList.split(",");
            if (endpoints.length != size)
            {
                throw new IllegalStateException(ENDPOINTS + " names " + endpoints.length + " ranks, not " + size);
            }
            for (final String endpoint : endpoints)
            {
                requireEndpoint(ENDPOINTS + " entry", endpoint);
            }
        }

        String multicast = env.get(MULTICAST);
        if (null != multicast && multicast.isEmpty())
        {
            multicast = null;
        }
        if (null != multicast)
        {
            requireEndpoint(MULTICAST, multicast);
        }

        final long driverPid = null == env.get(DRIVER_PID) ? 0 : parseLong(env, DRIVER_PID);

        return new JobEnvironment(rank, size, jobId, secret, aeronDir, localSize, endpoints, multicast, driverPid);
    }

    /**
     * The environment of a singleton process that hosts its own driver.
     *
     * @param jobId    unique name of the singleton job.
     * @param aeronDir directory of the embedded driver.
     * @return a world of one rank, with a secret of its own.
     */
    public static JobEnvironment singleton(final String jobId, final String aeronDir)
    {
        return new JobEnvironment(0, 1, jobId, JobSecret.generate(), aeronDir, 1, null, null, 0);
    }

    private static void requireEndpoint(final String what, final String endpoint)
    {
        if (endpoint.lastIndexOf(':') <= 0)
        {
            throw new IllegalStateException(what + " '" + endpoint + "' is not address:port");
        }
    }

    private static String require(final Map<String, String> env, final String name)
    {
        final String value = env.get(name);
        if (null == value || value.isEmpty())
        {
            throw new IllegalStateException(name + " is not set although " + RANK + " is: start ranks with jrun");
        }
        return value;
    }

    private static int parse(final Map<String, String> env, final String name)
    {
        final String value = require(env, name);
        try
        {
            return Integer.parseInt(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalStateException(name + "=" + value + " is not a number", ex);
        }
    }

    private static long parseLong(final Map<String, String> env, final String name)
    {
        final String value = require(env, name);
        try
        {
            return Long.parseLong(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalStateException(name + "=" + value + " is not a number", ex);
        }
    }

    /**
     * @return this rank in the world.
     */
    public int rank()
    {
        return rank;
    }

    /**
     * @return number of ranks in the world.
     */
    public int size()
    {
        return size;
    }

    /**
     * @return the job's unique name.
     */
    public String jobId()
    {
        return jobId;
    }

    /**
     * The file that exists in a rank's Aeron directory from the end of init until close: jrun reads a rank that
     * exits with 0 while its file is still there as one that left without closing jmpi (System.exit, main
     * returning with the runtime open), which its peers would wait for in vain.
     *
     * @param aeronDir the Aeron directory of the rank's host.
     * @param rank     a rank of the job.
     * @return the marker file of that rank.
     */
    public static Path openMarker(final String aeronDir, final int rank)
    {
        return Path.of(aeronDir, "rank-" + rank + ".open");
    }

    /**
     * The name of a rank's Aeron client, by which the process that hosts the driver finds the client of a rank
     * whose process has exited, to tell the driver at once that it is dead.
     *
     * @param rank a rank of the job.
     * @return the client name, unique among the ranks of the job.
     */
    public static String clientName(final int rank)
    {
        return "jmpi-rank-" + rank;
    }

    /**
     * @return true if the job spans hosts, so that some peers are reached over UDP.
     */
    public boolean isMultiHost()
    {
        return null != endpoints;
    }

    /**
     * @param worldRank a rank of the job.
     * @return true if that rank runs on this host (always, for a job on one host).
     */
    public boolean isLocal(final int worldRank)
    {
        return hostOf(worldRank).equals(hostOf(rank));
    }

    /**
     * @param worldRank a rank of the job.
     * @return the address of that rank's host, or the empty string in a job on one host.
     */
    public String hostOf(final int worldRank)
    {
        return null == endpoints ? "" : address(endpoints[worldRank]);
    }

    /**
     * @param worldRank a rank of the job, in a job across hosts.
     * @return that rank's UDP inbox endpoint, {@code address:port}.
     */
    public String endpoint(final int worldRank)
    {
        return endpoints[worldRank];
    }

    /**
     * @return this rank's host address in a job across hosts, the interface its UDP traffic uses.
     */
    public String hostAddress()
    {
        return address(endpoints[rank]);
    }

    /**
     * @return the UDP multicast group of the job's broadcasts across hosts, {@code address:port}, or null when
     * there is none.
     */
    public String multicast()
    {
        return multicast;
    }

    private static String address(final String endpoint)
    {
        return endpoint.substring(0, endpoint.lastIndexOf(':'));
    }

    /**
     * @return the 64-bit token derived from the job's secret that every frame of the job carries.
     */
    public long frameToken()
    {
        return JobSecret.frameToken(secret);
    }

    /**
     * @return the Aeron directory of this host's media driver.
     */
    public String aeronDir()
    {
        return aeronDir;
    }

    /**
     * @return number of ranks of the job on this host.
     */
    public int localSize()
    {
        return localSize;
    }

    /**
     * @return the process id of the process that hosts this host's media driver, or 0 when not known.
     */
    public long driverPid()
    {
        return driverPid;
    }
}
