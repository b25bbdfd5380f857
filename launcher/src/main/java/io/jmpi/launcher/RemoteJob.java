package io.jmpi.launcher;

import io.jmpi.transport.JobEnvironment;
import io.jmpi.transport.JobSecret;
import io.jmpi.transport.RankStates;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;

/**
 * A job across hosts: jrun starts a {@link HostAgent} on every host through the launch agent, collects the hosts'
 * addresses, gives every rank a UDP inbox endpoint, tells each agent which ranks to start, forwards their output,
 * and ends the job as {@link Job} does on one host: the {@link ExitMonitor} judges the exits the agents report.
 * jrun relays the exit of a rank that did not leave normally to the other agents, which mark it on their job pages
 * so that its peers there fail their calls on it as peers on its own host do, and names a host that the other
 * agents can no longer reach ({@link HostLoss}) as lost, with the same relay for its ranks.
 */
final class RemoteJob implements AutoCloseable
{
    private static final long HELLO_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(20);
    private static final long STOP_WAIT_NS = TimeUnit.SECONDS.toNanos(5);
    /** The agents' own wait for their ranks' reports, and time for the answers to travel. */
    private static final long REPORT_WAIT_NS = BlockedCallReport.WAIT_NS + TimeUnit.SECONDS.toNanos(2);
    /** The agents forward ranks' standard error apart from their control lines: let the last report lines come. */
    private static final long REPORT_SETTLE_MS = 200;
    private static final int PORT_BASE = 20000;
    /** Bytes of standard input per STDIN line. */
    private static final int INPUT_CHUNK = 16384;
    private static final int PORT_SPREAD = 20000;
    /** Multicast ports lie below the inbox ports: a multicast socket binds the port on every address. */
    private static final int MULTICAST_PORT_BASE = 10000;
    private static final int MULTICAST_PORT_SPREAD = 10000;

    /**
     * What arrived from an agent: a control line, or the end of its output.
     */
    private record Event(int host, String verb, String value)
    {
    }

    private final String jobId;
    /** Drawn anew for each job; it reaches the agents on their standard input, never on a command line. */
    private final String secret = JobSecret.generate();
    private final JrunOptions options;
    private final RankSettings settings;
    private final List<HostList.Host> hosts;
    private final int[] hostOf;
    private final List<String> command;
    private final PrintStream out;
    private final PrintStream err;
    private final List<Process> agents = new ArrayList<>();
    private final List<Writer> agentInputs = new ArrayList<>();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** One permit per agent that has answered the last REPORT. */
    private final Semaphore reported = new Semaphore(0);
    private final ExitMonitor monitor;
    private final AtomicIntegerArray runningOnHost;
    private final HostLoss hostLoss;
    /** Hosts lost or whose agent ended: their later reports are not counted. Guarded by itself. */
    private final boolean[] gone;
    private volatile boolean joining;
    private volatile boolean ranksStarted;
    private boolean closed;

    RemoteJob(
        final String jobId,
        final JrunOptions options,
        final RankSettings settings,
        final List<HostList.Host> hosts,
        final int[] hostOf,
        final List<String> command,
        final PrintStream out,
        final PrintStream err)
    {
        this.jobId = jobId;
        this.options = options;
        this.settings = settings;
        this.hosts = hosts;
        this.hostOf = hostOf;
        this.command = command;
        this.out = out;
        this.err = err;
        this.monitor = new ExitMonitor(hostOf.length, options, err, () -> joining);
        this.runningOnHost = new AtomicIntegerArray(hosts.size());
        this.hostLoss = new HostLoss(hosts.size());
        this.gone = new boolean[hosts.size()];
    }

    /**
     * Start the agents and the ranks, and wait until every rank has exited, the first failure or the timeout.
     *
     * @return the exit code for jrun.
     * @throws InterruptedException if interrupted while waiting.
     */
    int run() throws InterruptedException
    {
        final String[] addresses = startAgents();
        if (null == addresses)
        {
            return Job.LAUNCH_FAILURE_EXIT_CODE;
        }
        final int base = PORT_BASE + ThreadLocalRandom.current().nextInt(PORT_SPREAD / 64) * 64;
        startRanks(endpoints(addresses, base), links(addresses, base));
        forwardInput();
        return monitor.await(() ->
        {
            reported.drainPermits();
            tellAll(AgentProtocol.REPORT);
            reported.tryAcquire(agentsLeft(), REPORT_WAIT_NS, TimeUnit.NANOSECONDS);
            Thread.sleep(REPORT_SETTLE_MS);
        });
    }

    private synchronized String[] startAgents() throws InterruptedException
    {
        for (int h = 0; h < hosts.size(); h++)
        {
            final String host = hosts.get(h).name();
            final List<String> agentCommand = LaunchAgent.command(options.launchAgent(), host, agentJvm(h));
            try
            {
                final Process agent = new ProcessBuilder(agentCommand).start();
                agents.add(agent);
                synchronized (agentInputs)
                {
                    agentInputs.add(new OutputStreamWriter(agent.getOutputStream(), StandardCharsets.UTF_8));
                }
                follow(h, agent);
            }
            catch (final IOException ex)
            {
                err.println("jrun: cannot start the launch agent for host " + host + ": " + ex.getMessage());
                return null;
            }
        }

        final String[] reported = new String[hosts.size()];
        int answered = 0;
        final long deadline = System.nanoTime() + HELLO_TIMEOUT_NS;
        while (answered < hosts.size())
        {
            final Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (null == event)
            {
                for (int h = 0; h < hosts.size(); h++)
                {
                    if (null == reported[h])
                    {
                        err.println("jrun: host " + hosts.get(h).name() + " did not answer within " +
                            TimeUnit.NANOSECONDS.toSeconds(HELLO_TIMEOUT_NS) + " s");
                    }
                }
                return null;
            }
            if (AgentProtocol.HELLO.equals(event.verb()))
            {
                reported[event.host()] = event.value();
                answered++;
            }
            else if (null == event.verb())
            {
                err.println("jrun: cannot reach host " + hosts.get(event.host()).name() +
                    ": its launch agent ended (exit code " + exitCode(agents.get(event.host())) + ")");
                return null;
            }
        }
        return AddressChooser.choose(reported);
    }

    private List<String> agentJvm(final int hostIndex)
    {
        final List<String> jvm = new ArrayList<>();
        jvm.add(Jvm.executable());
        jvm.addAll(Jvm.jobFlags());
        jvm.add("-cp");
        jvm.add(System.getProperty("java.class.path"));
        jvm.add(HostAgent.class.getName());
        jvm.add(jobId);
        jvm.add(Integer.toString(hostIndex));
        if (null != options.networkInterface())
        {
            jvm.add(options.networkInterface());
        }
        return jvm;
    }

    /**
     * @param base the first port of the job's ports on every host.
     * @return every rank's inbox endpoint, the ports of each host counting up from the base.
     */
    private String endpoints(final String[] addresses, final int base)
    {
        final int[] nextPort = new int[hosts.size()];
        final StringBuilder endpoints = new StringBuilder();
        for (int rank = 0; rank < hostOf.length; rank++)
        {
            final int host = hostOf[rank];
            endpoints.append(0 == rank ? "" : ",").append(addresses[host]).append(':').append(base + nextPort[host]++);
        }
        return endpoints.toString();
    }

    /**
     * @return the group of the job's broadcasts across hosts: the user's, none when off, else one chosen at random
     * in the organisation-local scope 239.255.0.0/16 so that jobs sharing hosts rarely share a group (odd, as
     * Aeron sends data to an odd group and control to the next address).
     */
    private String multicastGroup()
    {
        final String chosen = options.multicast();
        if (null != chosen)
        {
            return JrunOptions.MULTICAST_OFF.equals(chosen) ? null : chosen;
        }
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        return "239.255." + random.nextInt(256) + "." + (2 * random.nextInt(127) + 1) + ":" +
            (MULTICAST_PORT_BASE + random.nextInt(MULTICAST_PORT_SPREAD));
    }

    /**
     * @return every agent's {@link LinkWatch} endpoint: the port after those of its host's ranks, on the address the
     * ranks use, so that the watch takes no port they need.
     */
    private String links(final String[] addresses, final int base)
    {
        final int[] ranksOnHost = new int[hosts.size()];
        for (final int host : hostOf)
        {
            ranksOnHost[host]++;
        }
        final StringBuilder links = new StringBuilder();
        for (int h = 0; h < hosts.size(); h++)
        {
            links.append(0 == h ? "" : ",").append(addresses[h]).append(':').append(base + ranksOnHost[h]);
        }
        return links.toString();
    }

    private synchronized void startRanks(final String endpoints, final String links)
    {
        for (final int host : hostOf)
        {
            runningOnHost.incrementAndGet(host);
        }
        ranksStarted = true;
        final String multicast = multicastGroup();
        for (int h = 0; h < hosts.size(); h++)
        {
            final StringBuilder ranks = new StringBuilder();
            for (int rank = 0; rank < hostOf.length; rank++)
            {
                if (hostOf[rank] == h)
                {
                    ranks.append(ranks.length() > 0 ? "," : "").append(rank);
                }
            }
            final List<String> lines = new ArrayList<>();
            lines.add(AgentProtocol.ENV + " " + JobEnvironment.SIZE + "=" + hostOf.length);
            lines.add(AgentProtocol.ENV + " " + JobEnvironment.SECRET + "=" + secret);
            lines.add(AgentProtocol.ENV + " " + JobEnvironment.ENDPOINTS + "=" + endpoints);
            if (null != multicast)
            {
                lines.add(AgentProtocol.ENV + " " + JobEnvironment.MULTICAST + "=" + multicast);
            }
            for (final String word : command)
            {
                lines.add(AgentProtocol.ARG + " " + word);
            }
            lines.add(AgentProtocol.PREFIX + " " + options.prefixOutput());
            lines.addAll(settings.agentLines());
            lines.add(AgentProtocol.PEERS + " " + links);
            if (ranks.length() > 0)
            {
                lines.add(AgentProtocol.RANKS + " " + ranks);
            }
            lines.add(AgentProtocol.START);
            tell(h, lines);
        }
    }

    /**
     * jrun's standard input goes to rank 0, whatever launch agent started its host's agent, in STDIN lines.
     */
    private void forwardInput()
    {
        final int host = hostOf[0];
        final Thread input = new Thread(() ->
        {
            final byte[] buffer = new byte[INPUT_CHUNK];
            try
            {
                int read;
                while (-1 != (read = System.in.read(buffer)))
                {
                    tell(host, List.of(AgentProtocol.STDIN + " " +
                        Base64.getEncoder().encodeToString(Arrays.copyOf(buffer, read))));
                }
            }
            catch (final IOException ex)
            {
                // jrun's input broke: rank 0 sees its end
            }
            tell(host, List.of(AgentProtocol.STDIN_END));
        }, "jrun-stdin");
        input.setDaemon(true);
        input.start();
    }

    private void follow(final int host, final Process agent)
    {
        final Thread stdout = new Thread(() ->
        {
            try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while (null != (line = reader.readLine()))
                {
                    if (line.startsWith(AgentProtocol.MARK))
                    {
                        final String control = line.substring(AgentProtocol.MARK.length());
                        final int space = control.indexOf(' ');
                        final String verb = control.substring(0, space);
                        final String value = control.substring(space + 1);
                        switch (verb)
                        {
                            case AgentProtocol.EXIT -> rankExited(host, value);
                            case AgentProtocol.JOINING -> joining = true;
                            case AgentProtocol.STOPPED -> err.println("jrun: " + StoppedProcesses.silence(
                                Integer.parseInt(value), " on host " + hosts.get(host).name()));
                            case AgentProtocol.REPORTED -> reported.release();
                            case AgentProtocol.UNREACHABLE -> unreachable(host, Integer.parseInt(value));
                            default -> events.add(new Event(host, verb, value));
                        }
                    }
                    else
                    {
                        synchronized (out)
                        {
                            out.println(line);
                        }
                    }
                }
            }
            catch (final IOException ex)
            {
                // the agent is gone: reported below
            }
            agentEnded(host, agent);
        }, "jrun-agent-" + host + "-stdout");
        stdout.setDaemon(true);
        stdout.start();

        final Thread stderr = new Thread(
            new OutputForwarder(agent.getErrorStream(), new byte[0], err), "jrun-agent-" + host + "-stderr");
        stderr.setDaemon(true);
        stderr.start();
    }

    /**
     * @param exit the agent's {@code EXIT} line after the verb: rank, exit value, whether the rank left jmpi open,
     *             its word on the job page when it ended, and the failure hint of its last output, if any.
     */
    private void rankExited(final int host, final String exit)
    {
        final String[] words = exit.split(" ", 5);
        final int rank = Integer.parseInt(words[0]);
        final int exitValue = Integer.parseInt(words[1]);
        final boolean unclosed = Boolean.parseBoolean(words[2]);
        final int state = Integer.parseInt(words[3]);
        final String hint = words.length > 4 ? words[4] : null;
        synchronized (gone)
        {
            if (gone[host])
            {
                return;
            }
            runningOnHost.decrementAndGet(host);
        }
        if (RankStates.hasBegunToJoin(state))
        {
            joining = true;
        }
        if (RankStates.LEFT != state)
        {
            tellOthers(host, List.of(AgentProtocol.FAILED + " " + rank));
        }
        final String where = " on host " + hosts.get(host).name();
        monitor.exited(() -> Failure.of(rank, exitValue, unclosed, RankStates.hasJoined(state), hint, where));
    }

    /**
     * An agent cannot reach a host: lost once most of the others cannot either.
     */
    private void unreachable(final int reporter, final int host)
    {
        final int[] reporters = hostLoss.report(reporter, host);
        if (null != reporters)
        {
            final StringBuilder names = new StringBuilder();
            for (final int r : reporters)
            {
                names.append(names.length() > 0 ? ", " : "").append(hosts.get(r).name());
            }
            hostGone(host, () -> "lost host " + hosts.get(host).name() + ": the agents on " + names +
                " have not heard from it for " + TimeUnit.NANOSECONDS.toSeconds(LinkWatch.SILENCE_NS) + " s");
        }
    }

    /**
     * An agent's output has ended: before the ranks start, a host that cannot be reached; after, a lost host.
     */
    private void agentEnded(final int host, final Process agent)
    {
        if (!ranksStarted)
        {
            events.add(new Event(host, null, null));
        }
        else
        {
            hostGone(host, () -> "lost host " + hosts.get(host).name() + ": its agent ended (exit code " +
                exitCode(agent) + ")");
        }
    }

    /**
     * A host is gone with its ranks: those that had not exited count as failed, here and on the job pages of the
     * other hosts, and nothing more it reports counts.
     */
    private void hostGone(final int host, final Supplier<String> message)
    {
        final int lost;
        synchronized (gone)
        {
            if (gone[host])
            {
                return;
            }
            gone[host] = true;
            lost = runningOnHost.getAndSet(host, 0);
        }
        if (lost > 0)
        {
            final List<String> failed = new ArrayList<>();
            for (int rank = 0; rank < hostOf.length; rank++)
            {
                if (hostOf[rank] == host)
                {
                    failed.add(AgentProtocol.FAILED + " " + rank);
                }
            }
            tellOthers(host, failed);
            monitor.exited(() -> Failure.of(message.get(), Job.LAUNCH_FAILURE_EXIT_CODE));
            for (int i = 1; i < lost; i++)
            {
                monitor.exited(() -> null);
            }
        }
    }

    /**
     * @return how many agents can still answer: those of hosts neither lost nor ended.
     */
    private int agentsLeft()
    {
        synchronized (gone)
        {
            int left = 0;
            for (final boolean g : gone)
            {
                left += g ? 0 : 1;
            }
            return left;
        }
    }

    private void tellOthers(final int host, final List<String> lines)
    {
        for (int h = 0; h < agentInputs.size(); h++)
        {
            if (h != host)
            {
                tell(h, lines);
            }
        }
    }

    private void tellAll(final String line)
    {
        for (int h = 0; h < agentInputs.size(); h++)
        {
            tell(h, List.of(line));
        }
    }

    /**
     * Lines to one agent, whole; on a lock of their own, as the agents' output threads relay failures while
     * {@link #close()} may hold this object's.
     */
    private void tell(final int host, final List<String> lines)
    {
        synchronized (agentInputs)
        {
            final Writer input = agentInputs.get(host);
            try
            {
                for (final String line : lines)
                {
                    input.write(line);
                    input.write('\n');
                }
                input.flush();
            }
            catch (final IOException ex)
            {
                // the agent is gone; its end is reported by its output thread
            }
        }
    }

    private static String exitCode(final Process process)
    {
        try
        {
            return process.waitFor(1, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "none yet";
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /**
     * Tell every agent to end its ranks, then close their input; agents that do not end in time are killed.
     */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        monitor.end();
        tellAll(AgentProtocol.STOP);
        synchronized (agentInputs)
        {
            for (final Writer input : agentInputs)
            {
                try
                {
                    input.close();
                }
                catch (final IOException ex)
                {
                    // already gone
                }
            }
        }
        final long deadline = System.nanoTime() + STOP_WAIT_NS;
        for (final Process agent : agents)
        {
            try
            {
                if (!agent.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS))
                {
                    agent.descendants().forEach(ProcessHandle::destroyForcibly);
                    agent.destroyForcibly();
                }
            }
            catch (final InterruptedException ex)
            {
                agent.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
