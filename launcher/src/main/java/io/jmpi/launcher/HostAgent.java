package io.jmpi.launcher;

import io.aeron.driver.MediaDriver;
import io.jmpi.transport.EmbeddedDriver;
import io.jmpi.transport.JobEnvironment;
import io.jmpi.transport.RankStates;
import org.agrona.CloseHelper;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The part of jrun that runs on each host of a job across hosts, like Open MPI's orted: it hosts the host's
 * media driver, reports the host's addresses, starts the ranks jrun places there and reports their exits. See
 * {@link AgentProtocol}. It ends its ranks when jrun says STOP or when jrun goes away. It marks on its job page the
 * ranks of other hosts that jrun says have failed, and watches its links to the other agents ({@link LinkWatch}).
 */
public final class HostAgent
{
    private static final long TERMINATE_GRACE_NS = TimeUnit.SECONDS.toNanos(2);

    private final String jobId;
    private final int hostIndex;
    private final String aeronDir;
    private final PrintStream control = System.out;
    private final List<RankProcess> ranks = new ArrayList<>();
    private final List<InetSocketAddress> peers = new ArrayList<>();
    private volatile boolean stopping;
    /** Written by the main thread and by jrun's FAILED commands: guarded by {@link #ranks}; null once closed. */
    private RankStates rankStates;
    /** Standard input of rank 0 when it runs here, which jrun's STDIN lines fill; then null. */
    private volatile OutputStream rankZeroInput;
    /** The job's secret, from jrun's ENV lines on standard input. */
    private String secret;

    private HostAgent(final String jobId, final int hostIndex)
    {
        this.jobId = jobId;
        this.hostIndex = hostIndex;
        this.aeronDir = EmbeddedDriver.aeronDirFor(jobId + "-" + hostIndex);
    }

    /**
     * Run the agent: {@code HostAgent JOB_ID HOST_INDEX [INTERFACE]}, where INTERFACE is a CIDR block
     * ({@code 10.77.0.0/24}) or an interface name that picks the address to report.
     *
     * @param args job id, host index and optional interface.
     */
    public static void main(final String[] args)
    {
        int exitCode = 1;
        try
        {
            exitCode = new HostAgent(args[0], Integer.parseInt(args[1])).run(args.length > 2 ? args[2] : null);
        }
        catch (final Throwable ex)
        {
            System.err.println("jrun host agent on " + hostName() + ": " + ex);
        }
        System.exit(exitCode);
    }

    private int run(final String networkInterface) throws IOException, InterruptedException
    {
        final List<String> addresses = addresses(networkInterface);
        if (addresses.isEmpty())
        {
            System.err.println("jrun host agent on " + hostName() + ": no IPv4 address" +
                (null == networkInterface ? "" : " on " + networkInterface));
            return 1;
        }

        try (MediaDriver driver = EmbeddedDriver.launch(aeronDir))
        {
            Runtime.getRuntime().addShutdownHook(new Thread(this::endRanks, "jrun-agent-shutdown"));
            send(AgentProtocol.HELLO, String.join(",", addresses));
            final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!startRanks(in))
            {
                return 1;
            }
            final Thread commands = new Thread(() -> followCommands(in), "jrun-agent-commands");
            commands.setDaemon(true);
            commands.start();
            try (LinkWatch links = new LinkWatch(secret, hostIndex, peers.get(hostIndex)))
            {
                links.start(peers, host -> send(AgentProtocol.UNREACHABLE, Integer.toString(host)));
                awaitRanks(driver);
            }
        }
        finally
        {
            synchronized (ranks)
            {
                CloseHelper.quietClose(rankStates);
                rankStates = null;
            }
        }
        return 0;
    }

    private boolean startRanks(final BufferedReader in) throws IOException
    {
        final Map<String, String> env = new TreeMap<>();
        final List<String> command = new ArrayList<>();
        final List<Integer> rankList = new ArrayList<>();
        boolean prefix = true;
        String workingDirectory = null;
        boolean bind = false;
        boolean reportBindings = false;
        String output = null;
        String line;
        while (null != (line = in.readLine()))
        {
            final int space = line.indexOf(' ');
            final String verb = space < 0 ? line : line.substring(0, space);
            final String value = space < 0 ? "" : line.substring(space + 1);
            switch (verb)
            {
                case AgentProtocol.ENV ->
                {
                    final int equals = value.indexOf('=');
                    env.put(value.substring(0, equals), value.substring(equals + 1));
                }
                case AgentProtocol.ARG -> command.add(value);
                case AgentProtocol.RANKS ->
                {
                    for (final String rank : value.split(","))
                    {
                        rankList.add(Integer.parseInt(rank));
                    }
                }
                case AgentProtocol.PREFIX -> prefix = Boolean.parseBoolean(value);
                case AgentProtocol.WDIR -> workingDirectory = value;
                case AgentProtocol.BIND ->
                {
                    bind = true;
                    reportBindings = Boolean.parseBoolean(value);
                }
                case AgentProtocol.OUTPUT -> output = value;
                case AgentProtocol.PEERS ->
                {
                    for (final String peer : value.split(","))
                    {
                        final int colon = peer.lastIndexOf(':');
                        peers.add(new InetSocketAddress(
                            peer.substring(0, colon), Integer.parseInt(peer.substring(colon + 1))));
                    }
                }
                case AgentProtocol.START ->
                {
                    // the exports are among the ENV lines, which every rank gets
                    launch(env, command, rankList, prefix,
                        new RankSettings(Map.of(), workingDirectory, bind, reportBindings, output));
                    return true;
                }
                default -> System.err.println("jrun host agent on " + hostName() + ": unknown command " + line);
            }
        }
        return false;
    }

    private void launch(
        final Map<String, String> env, final List<String> command, final List<Integer> rankList, final boolean prefix,
        final RankSettings settings) throws IOException
    {
        secret = env.get(JobEnvironment.SECRET);
        synchronized (ranks)
        {
            rankStates = RankStates.create(new File(aeronDir), Integer.parseInt(env.get(JobEnvironment.SIZE)));
            for (int i = 0; i < rankList.size(); i++)
            {
                final int rank = rankList.get(i);
                final ProcessBuilder builder = settings.builder(command, rank, i, System.err, " on host " + hostName());
                builder.environment().putAll(env);
                builder.environment().put(JobEnvironment.RANK, Integer.toString(rank));
                builder.environment().put(JobEnvironment.JOB_ID, jobId);
                builder.environment().put(JobEnvironment.AERON_DIR, aeronDir);
                builder.environment().put(JobEnvironment.LOCAL_SIZE, Integer.toString(rankList.size()));
                builder.environment().put(JobEnvironment.DRIVER_PID, Long.toString(ProcessHandle.current().pid()));
                final RankProcess process = RankProcess.start(
                    rank, builder, prefix, System.out, System.err, settings.outputOf(rank), 0 == rank);
                ranks.add(process);
                if (0 == rank)
                {
                    rankZeroInput = process.input();
                }
            }
        }
    }

    private void followCommands(final BufferedReader in)
    {
        try
        {
            String line;
            while (null != (line = in.readLine()))
            {
                if (AgentProtocol.STOP.equals(line))
                {
                    break;
                }
                if (AgentProtocol.REPORT.equals(line))
                {
                    askForReports();
                }
                if (line.startsWith(AgentProtocol.FAILED + " "))
                {
                    markFailed(Integer.parseInt(line.substring(AgentProtocol.FAILED.length() + 1)));
                }
                if (line.startsWith(AgentProtocol.STDIN + " "))
                {
                    forwardInput(Base64.getDecoder().decode(line.substring(AgentProtocol.STDIN.length() + 1)));
                }
                if (AgentProtocol.STDIN_END.equals(line))
                {
                    endInput();
                }
            }
        }
        catch (final IOException ex)
        {
            // jrun is gone: end the ranks below
        }
        endRanks();
    }

    /**
     * Bytes of jrun's standard input for rank 0, which runs here; a rank that stopped reading loses the rest.
     */
    private void forwardInput(final byte[] bytes)
    {
        final OutputStream input = rankZeroInput;
        if (null != input)
        {
            try
            {
                input.write(bytes);
                input.flush();
            }
            catch (final IOException ex)
            {
                rankZeroInput = null;
            }
        }
    }

    private void endInput()
    {
        final OutputStream input = rankZeroInput;
        rankZeroInput = null;
        CloseHelper.quietClose(input);
    }

    /**
     * A rank of another host has failed: its peers here learn it from the job page, as of a rank of this host.
     */
    private void markFailed(final int rank)
    {
        synchronized (ranks)
        {
            if (null != rankStates)
            {
                rankStates.state(rank, RankStates.FAILED);
            }
        }
    }

    /**
     * Ask every rank what it is blocked in, on a thread of its own so that commands such as STOP are still read,
     * and tell jrun once all have answered or are stopped, so that it need not guess how long a loaded host takes.
     */
    private void askForReports()
    {
        final List<RankProcess> asked;
        synchronized (ranks)
        {
            asked = new ArrayList<>(ranks);
        }
        final Thread reporter = new Thread(() ->
        {
            try
            {
                final String failure = BlockedCallReport.ask(
                    asked, rank -> send(AgentProtocol.STOPPED, Integer.toString(rank)));
                if (null != failure)
                {
                    System.err.println("jrun host agent on " + hostName() + ": cannot signal the ranks: " + failure);
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            send(AgentProtocol.REPORTED, "");
        }, "jrun-agent-report");
        reporter.setDaemon(true);
        reporter.start();
    }

    private void awaitRanks(final MediaDriver driver) throws InterruptedException
    {
        final List<RankProcess> started;
        synchronized (ranks)
        {
            started = new ArrayList<>(ranks);
        }
        final List<RankProcess> pending = new ArrayList<>(started);
        boolean joining = false;
        while (!pending.isEmpty())
        {
            if (!joining && (joining = someRankJoining(started)))
            {
                send(AgentProtocol.JOINING, "");
            }
            for (int i = pending.size() - 1; i >= 0; i--)
            {
                final RankProcess rank = pending.get(i);
                if (!rank.isAlive())
                {
                    final int state;
                    synchronized (ranks)
                    {
                        state = rankStates.state(rank.rank());
                        rankStates.markEnded(rank.rank());
                    }
                    DeadClients.declareDead(driver, rank.rank());
                    rank.awaitOutput(TERMINATE_GRACE_NS);
                    final boolean unclosed = Files.exists(JobEnvironment.openMarker(aeronDir, rank.rank()));
                    final String hint = rank.errors().failureHint();
                    send(AgentProtocol.EXIT, rank.rank() + " " + rank.exitValue() + " " + unclosed + " " + state +
                        (null == hint ? "" : " " + hint));
                    pending.remove(i);
                }
            }
            Thread.sleep(20);
        }
    }

    private boolean someRankJoining(final List<RankProcess> started)
    {
        synchronized (ranks)
        {
            return started.stream().anyMatch(rank -> RankStates.hasBegunToJoin(rankStates.state(rank.rank())));
        }
    }

    private void endRanks()
    {
        if (stopping)
        {
            return;
        }
        stopping = true;
        final List<RankProcess> started;
        synchronized (ranks)
        {
            started = new ArrayList<>(ranks);
        }
        started.forEach(RankProcess::terminate);
        final long deadline = System.nanoTime() + TERMINATE_GRACE_NS;
        for (final RankProcess rank : started)
        {
            try
            {
                if (!rank.awaitExit(deadline - System.nanoTime()))
                {
                    rank.kill();
                }
            }
            catch (final InterruptedException ex)
            {
                rank.kill();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void send(final String verb, final String value)
    {
        synchronized (control)
        {
            control.println(AgentProtocol.control(verb, value));
            control.flush();
        }
    }

    private static List<String> addresses(final String networkInterface) throws SocketException
    {
        final List<String> addresses = new ArrayList<>();
        for (final NetworkInterface candidate : Collections.list(NetworkInterface.getNetworkInterfaces()))
        {
            if (!candidate.isUp() || candidate.isLoopback())
            {
                continue;
            }
            for (final InterfaceAddress address : candidate.getInterfaceAddresses())
            {
                if (address.getAddress() instanceof Inet4Address &&
                    (null == networkInterface || matches(networkInterface, candidate, address)))
                {
                    addresses.add(address.getAddress().getHostAddress() + "/" + address.getNetworkPrefixLength());
                }
            }
        }
        return addresses;
    }

    private static boolean matches(final String wanted, final NetworkInterface candidate, final InterfaceAddress address)
    {
        final int slash = wanted.indexOf('/');
        if (slash < 0)
        {
            return wanted.equals(candidate.getName()) || wanted.equals(address.getAddress().getHostAddress());
        }
        try
        {
            final int prefix = Integer.parseInt(wanted.substring(slash + 1));
            final int network = toInt(InetAddress.getByName(wanted.substring(0, slash)));
            final int mask = 0 == prefix ? 0 : -1 << (32 - prefix);
            return (toInt(address.getAddress()) & mask) == (network & mask);
        }
        catch (final IOException | NumberFormatException ex)
        {
            return false;
        }
    }

    private static int toInt(final InetAddress address)
    {
        final byte[] bytes = address.getAddress();
        return (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | (bytes[3] & 0xFF);
    }

    private static String hostName()
    {
        try
        {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (final IOException ex)
        {
            return "?";
        }
    }
}
