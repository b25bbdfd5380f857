package io.jmpi.launcher;

/**
 * The line protocol between jrun and the host agent it starts on each host through the launch agent (ssh,
 * {@code ip netns exec}, srun). It runs over the agent's standard streams, so it needs no port of its own.
 * <ul>
 *   <li>agent to jrun, on stdout: {@code HELLO addr[,addr...]} once its media driver runs; {@code JOINING} once, when a rank of the host has
 *       begun to join the job; {@code EXIT rank code unclosed state [hint]} when a rank ends (unclosed: true if it
 *       exited with jmpi still open; state: its word on the job page when it ended, see RankStates; hint: the
 *       exception its output ended with); {@code STOPPED rank}, in answer to REPORT, for a rank whose process is
 *       stopped; {@code REPORTED} once every rank of the host has answered REPORT, is stopped, or the agent's wait
 *       for them ended; {@code UNREACHABLE host} for a host index whose agent it has not heard over the network for
 *       {@link LinkWatch#SILENCE_NS}. Control lines start with {@link #MARK} so that they never mix with ranks'
 *       output, which the agent forwards on its stdout and stderr, already prefixed.</li>
 *   <li>jrun to agent, on stdin: {@code ENV name=value}, {@code ARG word} (the rank command, one word a line),
 *       {@code RANKS r,r,...}, {@code PREFIX true|false}, the settings of {@link RankSettings} ({@code WDIR dir},
 *       {@code BIND report} for binding to cores, reporting the bindings if {@code true}, {@code OUTPUT dir}), {@code PEERS addr:port,...} (every agent's {@link LinkWatch}
 *       endpoint, by host index, its own included), then {@code START}; later {@code FAILED rank} (a rank of another host ended without
 *       leaving, or its host was lost: mark it on the job page), {@code REPORT} (ask the ranks what they are
 *       blocked in), {@code STDIN base64} (bytes of jrun's standard input for rank 0), {@code STDIN_END} (its end)
 *       and {@code STOP} (end the ranks). The end of stdin means jrun is gone: the agent ends its
 *       ranks and exits.</li>
 * </ul>
 */
final class AgentProtocol
{
    /** Starts every control line the agent writes: a character no rank prints by accident. */
    static final String MARK = "\u0001jmpi ";
    static final String HELLO = "HELLO";
    static final String JOINING = "JOINING";
    static final String EXIT = "EXIT";
    static final String STOPPED = "STOPPED";
    static final String UNREACHABLE = "UNREACHABLE";
    static final String PEERS = "PEERS";
    static final String FAILED = "FAILED";
    static final String ENV = "ENV";
    static final String ARG = "ARG";
    static final String RANKS = "RANKS";
    static final String PREFIX = "PREFIX";
    static final String START = "START";
    static final String WDIR = "WDIR";
    static final String BIND = "BIND";
    static final String OUTPUT = "OUTPUT";
    static final String REPORT = "REPORT";
    static final String REPORTED = "REPORTED";
    static final String STOP = "STOP";
    static final String STDIN = "STDIN";
    static final String STDIN_END = "STDIN_END";

    private AgentProtocol()
    {
    }

    static String control(final String verb, final String value)
    {
        return MARK + verb + " " + value;
    }
}
