package io.jmpi.launcher;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How jrun starts each rank beyond its command, from mpirun's options: variables to set ({@code -x}), the working
 * directory ({@code -wdir}), binding to a core ({@code --bind-to core}, reported with {@code --report-bindings})
 * and files that keep its output ({@code --output-filename}). The same settings reach the host agents of a job
 * across hosts as lines of {@link AgentProtocol}.
 *
 * @param exports          variables to set in every rank's environment.
 * @param workingDirectory where ranks run, or {@code null} for the launcher's directory.
 * @param bindToCore       whether each rank is bound to one core of its host, in turn.
 * @param reportBindings   whether to say where each rank is bound.
 * @param outputDirectory  where each rank's output is also written, {@code DIR/1/rank.R/stdout} and
 *                         {@code .../stderr} as Open MPI lays them out, or {@code null}.
 */
record RankSettings(
    Map<String, String> exports,
    String workingDirectory,
    boolean bindToCore,
    boolean reportBindings,
    String outputDirectory)
{
    /** The settings of a plain job: nothing beyond the command. */
    static final RankSettings NONE = new RankSettings(Map.of(), null, false, false, null);

    /**
     * @param options the command line.
     * @return its settings, with {@code -x VAR} taking jrun's value of VAR and paths made absolute.
     * @throws UsageException for {@code -x VAR} of a variable jrun does not have.
     */
    static RankSettings of(final JrunOptions options) throws UsageException
    {
        final Map<String, String> exports = new LinkedHashMap<>();
        for (final String export : options.exports())
        {
            final int equals = export.indexOf('=');
            if (equals >= 0)
            {
                exports.put(export.substring(0, equals), export.substring(equals + 1));
            }
            else if (null != System.getenv(export))
            {
                exports.put(export, System.getenv(export));
            }
            else
            {
                throw new UsageException("-x " + export + ": " + export + " is not set in jrun's environment");
            }
        }
        return new RankSettings(Map.copyOf(exports), absolute(options.workingDirectory()), options.bindToCore(),
            options.reportBindings(), absolute(options.outputDirectory()));
    }

    /**
     * @return the lines that give these settings to a host agent; the exports go as ENV lines.
     */
    List<String> agentLines()
    {
        final List<String> lines = new ArrayList<>();
        exports.forEach((name, value) -> lines.add(AgentProtocol.ENV + " " + name + "=" + value));
        if (null != workingDirectory)
        {
            lines.add(AgentProtocol.WDIR + " " + workingDirectory);
        }
        if (bindToCore)
        {
            lines.add(AgentProtocol.BIND + " " + reportBindings);
        }
        if (null != outputDirectory)
        {
            lines.add(AgentProtocol.OUTPUT + " " + outputDirectory);
        }
        return lines;
    }

    /**
     * A process builder for one rank with these settings.
     *
     * @param command    the rank's command.
     * @param rank       its rank.
     * @param localIndex its place among the ranks of its host, which picks its core.
     * @param err        where binding reports go.
     * @param where      how reports name the host, e.g. {@code " on host h2"}; empty on jrun's own host.
     * @return the builder, its environment holding the exports.
     */
    ProcessBuilder builder(
        final List<String> command, final int rank, final int localIndex, final PrintStream err, final String where)
    {
        final List<String> words = new ArrayList<>();
        if (bindToCore)
        {
            final List<Integer> cores = AllowedCores.of();
            final int core = cores.get(localIndex % cores.size());
            words.addAll(List.of("taskset", "-c", Integer.toString(core)));
            if (reportBindings)
            {
                err.println("jrun: rank " + rank + where + " bound to core " + core);
            }
        }
        else if (reportBindings)
        {
            err.println("jrun: rank " + rank + where + " is not bound (--bind-to none)");
        }
        words.addAll(command);
        final ProcessBuilder builder = new ProcessBuilder(words);
        builder.environment().putAll(exports);
        if (null != workingDirectory)
        {
            builder.directory(new File(workingDirectory));
        }
        return builder;
    }

    /**
     * @return the files rank's output goes to as well, their directory made; {@code null} without
     * {@code --output-filename}.
     * @throws IOException if the directory cannot be made.
     */
    Path outputOf(final int rank) throws IOException
    {
        if (null == outputDirectory)
        {
            return null;
        }
        return Files.createDirectories(Path.of(outputDirectory, "1", "rank." + rank));
    }

    private static String absolute(final String path)
    {
        return null == path ? null : new File(path).getAbsolutePath();
    }
}
