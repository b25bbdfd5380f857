package io.jmpi.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jrun command line: {@code jrun [options] MAIN_CLASS [args...]} or {@code jrun [options] -jar APP.jar [args...]}.
 * Options end at the main class or the jar; everything after it is passed to every rank.
 *
 * @param help           {@code true} when the user asked for {@link #USAGE}; the other fields are then defaults.
 * @param ranks          number of rank processes to start.
 * @param classPath      the user's class path, or {@code null} when not given.
 * @param jar            the application jar, or {@code null} when a main class is given.
 * @param mainClass      the main class, or {@code null} when a jar is given.
 * @param programArgs    arguments passed to the main method of every rank.
 * @param jvmArgs        extra arguments for every rank JVM.
 * @param prefixOutput   whether each forwarded line starts with {@code [rank] }.
 * @param timeoutSeconds the job is ended after this many seconds, or 0 for no limit.
 * @param graceSeconds   how long the other ranks may run on after the first failure before jrun ends them.
 * @param jobId          the job id chosen by the user, or {@code null} to generate one.
 * @param hosts          {@code --host} list, {@code null} when not given.
 * @param hostfile       {@code --hostfile} path, {@code null} when not given.
 * @param launchAgent    {@code --launch-agent} command, {@code null} for the default (ssh).
 * @param networkInterface {@code --interface}: CIDR block, interface name or address, {@code null} to choose.
 * @param mapByNode      {@code --map-by node}: place ranks round-robin over hosts instead of filling slots.
 * @param multicast      {@code --multicast}: the group {@code address:port} broadcasts use across hosts,
 *                       {@link #MULTICAST_OFF} for none, or {@code null} for one that jrun chooses.
 * @param api            {@code --api}: the Java MPI API the program uses, or {@code null} for jrun to tell.
 * @param version        {@code true} when the user asked for jrun's version ({@code --version}, {@code -V}).
 * @param exports        {@code -x} entries: {@code VAR} (jrun's value) or {@code VAR=VALUE}, for every rank.
 * @param workingDirectory {@code -wdir}: where the ranks run, or {@code null} for jrun's directory.
 * @param ranksPerNode   {@code -N}: ranks on each host, 0 when not given.
 * @param bindToCore     {@code --bind-to core}: each rank is bound to one core of its host.
 * @param reportBindings {@code --report-bindings}: jrun says where each rank is bound.
 * @param outputDirectory {@code --output-filename}: each rank's output also goes to files under this directory,
 *                       or {@code null}.
 */
record JrunOptions(
    boolean help,
    int ranks,
    String classPath,
    String jar,
    String mainClass,
    List<String> programArgs,
    List<String> jvmArgs,
    boolean prefixOutput,
    long timeoutSeconds,
    long graceSeconds,
    String jobId,
    String hosts,
    String hostfile,
    String launchAgent,
    String networkInterface,
    boolean mapByNode,
    String multicast,
    ApiFace api,
    boolean version,
    List<String> exports,
    String workingDirectory,
    int ranksPerNode,
    boolean bindToCore,
    boolean reportBindings,
    String outputDirectory)
{
    /** The value of {@code --multicast} that turns multicast off: broadcasts across hosts go along a tree. */
    static final String MULTICAST_OFF = "off";

    /** The text of {@code jrun --help}. */
    static final String USAGE = """
        Usage: jrun [-np N] [options] MAIN_CLASS [args...]
               jrun [-np N] [options] -jar APP.jar [args...]

        Runs a jmpi job on this host: starts N JVMs, the ranks, that all run MAIN_CLASS, and hosts the Aeron
        media driver they share. Options end at MAIN_CLASS or -jar APP.jar; what follows goes to every rank.

        Options:
          -np N, -n N               number of ranks to start, at least 1; without it, the slots of --host or
                                    --hostfile, N times the hosts with -N, or what the Slurm allocation says
          -cp PATH, --classpath PATH
                                    class path of the application; it follows jrun's own, which holds the
                                    jmpi runtime. Default: $CLASSPATH, else the current directory
          -jar APP.jar              run the Main-Class of APP.jar, with APP.jar (then -cp, if given) on the
                                    class path
          --no-prefix               forward the ranks' output lines as they are, without "[rank] "
          --timeout SECONDS         end the job when it runs longer than SECONDS (exit code 124); before
                                    that, every rank prints what each of its threads is blocked in
          --grace SECONDS           after the first rank fails, let the others run on for up to SECONDS
                                    (they may handle the failure themselves) before ending them.
                                    Default 0: end them at once
          -J<flag>, --jvm-arg FLAG  pass FLAG to every rank JVM, e.g. -J-Xmx2g; repeatable
          --job-id ID               use ID (letters, digits, '-' and '_', at most 64) as the job id instead
                                    of a generated one; the job's Aeron directory is /dev/shm/jmpi-ID
          --host H1[:N],H2[:N],...  run across hosts: N ranks (slots) on each, 1 when :N is left out
          --hostfile FILE           hosts from FILE in Open MPI's format: "name slots=N" per line, # comments
          --map-by node             place ranks round-robin over the hosts instead of filling each host's slots
          --launch-agent "CMD"      how to start jrun's agent on a host: CMD with {host} replaced, or CMD HOST
                                    when it has no {host}; default ssh; "srun" runs inside a Slurm allocation
          --interface NET           the network ranks use across hosts: a CIDR block (10.1.0.0/16), an
                                    interface name or an address; default: the network every host shares
          --multicast GROUP:PORT|off
                                    the UDP multicast group broadcasts use across hosts: an address from
                                    224.0.0.0 to 239.255.255.255 ending in an odd number (Aeron sends
                                    control to the next one); each communicator takes the next two
                                    addresses; default: a group in 239.255.0.0/16 chosen per job;
                                    off: broadcast along a tree over unicast (networks without multicast)
          --api mpijava|openmpi     the Java MPI API of the program, when jrun cannot tell: jrun reads the
                                    program's classes and puts the face they use (mpiJava 1.2 or Open MPI's
                                    Java bindings) on the class path, unless the class path holds one
          -x VAR[=VALUE]            set VAR in every rank's environment, to VALUE or to jrun's value of VAR;
                                    repeatable. Ranks on this host inherit jrun's environment anyway; across
                                    hosts only JMPI_* variables and these travel
          -wdir DIR, --wdir DIR     run the ranks in DIR (default: jrun's working directory)
          -N N, --npernode N        N ranks on each host (with -np, at most N per host)
          --bind-to core|none       core: bind each rank to one core of its host, in turn (with taskset);
                                    none (the default): let the kernel place them
          --report-bindings         say on standard error which core each rank is bound to
          --output-filename DIR     also write each rank's output to DIR/1/rank.R/stdout and .../stderr
          --oversubscribe           accepted, as jrun always allows more ranks than cores (they back off
                                    when idle)
          --tag-output              accepted: jrun tags each line with "[rank] " unless --no-prefix
          -V, --version             print jrun's version and exit
          -h, --help                print this help and exit

        Every rank gets the environment variables JMPI_RANK (0..N-1), JMPI_SIZE (N), JMPI_JOB_ID,
        JMPI_JOB_SECRET (drawn for each job; never on a command line), JMPI_AERON_DIR and JMPI_LOCAL_SIZE.
        The job's directory admits its owner only (0700, its files 0600). Standard output and standard error of rank r are forwarded
        line by line to those of jrun, each line prefixed with "[r] ". Standard input goes to rank 0.
        When a rank fails (a non-zero exit, a signal, or an exit without closing jmpi), jrun says which
        rank and how, and ends the other ranks. On exit, jrun removes the job's Aeron directory; on start,
        it removes the directories of dead jobs whose jrun was killed (/dev/shm/jmpi-*).
        Across hosts (--host, --hostfile, or inside a Slurm allocation), jrun starts an agent on every host
        through the launch agent; each agent hosts that host's media driver and starts its ranks, which also
        get JMPI_ENDPOINTS, every rank's UDP inbox address:port, and JMPI_MULTICAST, the broadcast group.
        Hosts must share the file system paths of java and the class path, and allow UDP between them.

        Exit status:
          0      every rank exited with 0
          1-255  exit code of the first rank that failed (128+n when it was killed by signal n),
                 1 when it exited with 0 without closing jmpi, or 1 when jrun could not start the media
                 driver or a rank
          2      bad command line, jar or main class, or too little shared memory for N ranks
          124    the job ran longer than --timeout
        """;

    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern MULTICAST_GROUP =
        Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3}):(\\d{1,5})");

    /**
     * Parse a jrun command line; files are not checked here.
     *
     * @param args the command line.
     * @return the options.
     * @throws UsageException when the command line is wrong.
     */
    static JrunOptions parse(final String... args) throws UsageException
    {
        int ranks = 0;
        String classPath = null;
        String jar = null;
        String mainClass = null;
        final List<String> jvmArgs = new ArrayList<>();
        boolean prefixOutput = true;
        long timeoutSeconds = 0;
        long graceSeconds = 0;
        String jobId = null;
        String hosts = null;
        String hostfile = null;
        String launchAgent = null;
        String networkInterface = null;
        boolean mapByNode = false;
        String multicast = null;
        ApiFace api = null;
        final List<String> exports = new ArrayList<>();
        String workingDirectory = null;
        int ranksPerNode = 0;
        boolean bindToCore = false;
        boolean reportBindings = false;
        String outputDirectory = null;

        int i = 0;
        while (i < args.length && null == mainClass && null == jar)
        {
            final String arg = args[i++];
            switch (arg)
            {
                case "-h", "--help" ->
                {
                    return informational(true, false);
                }
                case "-V", "--version" ->
                {
                    return informational(false, true);
                }
                case "-np", "-n" -> ranks = (int)number(arg, value(args, i++, arg), 1, "positive", "ranks");
                case "-cp", "--classpath" -> classPath = value(args, i++, arg);
                case "-jar" -> jar = value(args, i++, arg);
                case "--no-prefix" -> prefixOutput = false;
                case "--timeout" -> timeoutSeconds = number(arg, value(args, i++, arg), 1, "positive", "seconds");
                case "--grace" -> graceSeconds = number(arg, value(args, i++, arg), 0, "non-negative", "seconds");
                case "--jvm-arg" -> jvmArgs.add(value(args, i++, arg));
                case "--job-id" -> jobId = jobId(value(args, i++, arg));
                case "--host", "-H" -> hosts = value(args, i++, arg);
                case "--hostfile" -> hostfile = value(args, i++, arg);
                case "--launch-agent" -> launchAgent = value(args, i++, arg);
                case "--interface" -> networkInterface = value(args, i++, arg);
                case "--map-by" -> mapByNode = mapBy(value(args, i++, arg));
                case "--multicast" -> multicast = multicast(value(args, i++, arg));
                case "--api" -> api = api(value(args, i++, arg));
                case "-x" -> exports.add(export(value(args, i++, arg)));
                case "-wdir", "--wdir" -> workingDirectory = value(args, i++, arg);
                case "-N", "--npernode" ->
                    ranksPerNode = (int)number(arg, value(args, i++, arg), 1, "positive", "ranks per host");
                case "--bind-to" -> bindToCore = bindTo(value(args, i++, arg));
                case "--report-bindings" -> reportBindings = true;
                case "--output-filename" -> outputDirectory = value(args, i++, arg);
                // mpirun options whose meaning is jrun's way already: accepted so that mpirun lines work
                case "--oversubscribe", "--tag-output" ->
                {
                }
                default ->
                {
                    if (arg.startsWith("-J") && arg.length() > 2)
                    {
                        jvmArgs.add(arg.substring(2));
                    }
                    else if (arg.startsWith("-"))
                    {
                        throw new UsageException("unknown option " + arg);
                    }
                    else
                    {
                        mainClass = arg;
                    }
                }
            }
        }

        if (null == mainClass && null == jar)
        {
            throw new UsageException("missing the main class to run (or -jar APP.jar)");
        }

        final List<String> programArgs = List.of(Arrays.copyOfRange(args, i, args.length));
        return new JrunOptions(
            false, ranks, classPath, jar, mainClass, programArgs, List.copyOf(jvmArgs), prefixOutput, timeoutSeconds,
            graceSeconds, jobId, hosts, hostfile, launchAgent, networkInterface, mapByNode, multicast, api, false,
            List.copyOf(exports), workingDirectory, ranksPerNode, bindToCore, reportBindings, outputDirectory);
    }

    /**
     * @param count the number of ranks, once jrun has worked it out from the hosts or the allocation.
     * @return these options with that number of ranks.
     */
    JrunOptions withRanks(final int count)
    {
        return new JrunOptions(help, count, classPath, jar, mainClass, programArgs, jvmArgs, prefixOutput,
            timeoutSeconds, graceSeconds, jobId, hosts, hostfile, launchAgent, networkInterface, mapByNode, multicast,
            api, version, exports, workingDirectory, ranksPerNode, bindToCore, reportBindings, outputDirectory);
    }

    /**
     * @param agent the launch agent jrun chose, such as srun inside a Slurm allocation.
     * @return these options with that launch agent.
     */
    JrunOptions withLaunchAgent(final String agent)
    {
        return new JrunOptions(help, ranks, classPath, jar, mainClass, programArgs, jvmArgs, prefixOutput,
            timeoutSeconds, graceSeconds, jobId, hosts, hostfile, agent, networkInterface, mapByNode, multicast,
            api, version, exports, workingDirectory, ranksPerNode, bindToCore, reportBindings, outputDirectory);
    }

    /**
     * @return options that only ask for the help or the version; the other fields are defaults.
     */
    private static JrunOptions informational(final boolean help, final boolean version)
    {
        return new JrunOptions(help, 0, null, null, null, List.of(), List.of(), true, 0, 0, null, null, null, null,
            null, false, null, null, version, List.of(), null, 0, false, false, null);
    }

    private static String export(final String value) throws UsageException
    {
        final int equals = value.indexOf('=');
        final String name = equals < 0 ? value : value.substring(0, equals);
        if (!ENVIRONMENT_NAME.matcher(name).matches())
        {
            throw new UsageException("-x expects VAR or VAR=VALUE with VAR a variable name, got '" + value + "'");
        }
        return value;
    }

    private static boolean bindTo(final String value) throws UsageException
    {
        if ("core".equals(value) || "none".equals(value))
        {
            return "core".equals(value);
        }
        throw new UsageException("--bind-to expects core or none, got '" + value + "'");
    }

    private static ApiFace api(final String value) throws UsageException
    {
        final ApiFace api = ApiFace.of(value);
        if (null == api)
        {
            throw new UsageException("--api expects mpijava or openmpi, got '" + value + "'");
        }
        return api;
    }

    private static boolean mapBy(final String value) throws UsageException
    {
        if ("node".equals(value) || "slot".equals(value))
        {
            return "node".equals(value);
        }
        throw new UsageException("--map-by expects node or slot, got '" + value + "'");
    }

    private static String multicast(final String value) throws UsageException
    {
        if (MULTICAST_OFF.equals(value))
        {
            return value;
        }
        final Matcher group = MULTICAST_GROUP.matcher(value);
        boolean valid = group.matches();
        for (int part = 1; valid && part <= 4; part++)
        {
            valid = Integer.parseInt(group.group(part)) <= 255;
        }
        if (valid)
        {
            final int first = Integer.parseInt(group.group(1));
            final int port = Integer.parseInt(group.group(5));
            valid = first >= 224 && first <= 239 && 1 == (Integer.parseInt(group.group(4)) & 1) &&
                port >= 1 && port <= 65535;
        }
        if (!valid)
        {
            throw new UsageException("--multicast expects off or GROUP:PORT with GROUP in 224.0.0.0 to " +
                "239.255.255.255 ending in an odd number, got '" + value + "'");
        }
        return value;
    }

    private static String value(final String[] args, final int index, final String option) throws UsageException
    {
        if (index >= args.length)
        {
            throw new UsageException("option " + option + " needs a value");
        }
        return args[index];
    }

    /**
     * A whole number from min up to {@link Integer#MAX_VALUE}: ranks fit an int, and seconds up to that fit a
     * long once converted to nanoseconds.
     */
    private static long number(
        final String option, final String value, final long min, final String kind, final String unit)
        throws UsageException
    {
        try
        {
            final long number = Long.parseLong(value);
            if (number >= min && number <= Integer.MAX_VALUE)
            {
                return number;
            }
        }
        catch (final NumberFormatException ignore)
        {
            // reported below, like a number out of range
        }
        throw new UsageException(option + " expects a " + kind + " number of " + unit + ", got '" + value + "'");
    }

    private static String jobId(final String value) throws UsageException
    {
        if (!JOB_ID.matcher(value).matches())
        {
            throw new UsageException(
                "--job-id expects letters, digits, '-' and '_' (at most 64), got '" + value + "'");
        }
        return value;
    }
}
