package io.jmpi.launcher;

import java.util.List;

/**
 * What a finished jrun process left: its exit code and everything it wrote.
 *
 * @param exitCode exit code of jrun.
 * @param stdout   jrun's standard output: the ranks' forwarded output.
 * @param stderr   jrun's standard error: the ranks' forwarded errors and jrun's own {@code jrun: } messages.
 */
public record JobResult(int exitCode, String stdout, String stderr)
{
    /** How jrun reports the directory of a dead job that it removed on start. */
    public static final String STALE_DIRECTORY_MESSAGE = "jrun: removed stale job directory ";

    /**
     * @return the lines of standard output.
     */
    public List<String> stdoutLines()
    {
        return stdout.lines().toList();
    }

    /**
     * @return the lines of standard error.
     */
    public List<String> stderrLines()
    {
        return stderr.lines().toList();
    }

    /**
     * @param rank a rank of the job.
     * @return the standard output lines of that rank, in order, without their {@code [rank] } prefix.
     */
    public List<String> linesOfRank(final int rank)
    {
        return linesWithPrefix(stdoutLines(), "[" + rank + "] ");
    }

    /**
     * @param rank a rank of the job.
     * @return the standard error lines of that rank, in order, without their {@code [rank] } prefix.
     */
    public List<String> errorLinesOfRank(final int rank)
    {
        return linesWithPrefix(stderrLines(), "[" + rank + "] ");
    }

    /**
     * @return jrun's own messages about this job on standard error, such as {@code jrun: rank 2 exited with code 3};
     * without those about the directories of earlier, dead jobs that it removed on start.
     */
    public List<String> jrunMessages()
    {
        return stderrLines().stream()
            .filter(line -> line.startsWith("jrun: ") && !line.startsWith(STALE_DIRECTORY_MESSAGE))
            .toList();
    }

    /**
     * Fail with the whole output unless jrun exited with 0.
     *
     * @return this, for chaining.
     */
    public JobResult assertSuccess()
    {
        if (0 != exitCode)
        {
            throw new AssertionError("jrun failed: " + this);
        }
        return this;
    }

    /**
     * @return exit code and output, for assertion messages.
     */
    @Override
    public String toString()
    {
        return "exit code " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr + "---";
    }

    private static List<String> linesWithPrefix(final List<String> lines, final String prefix)
    {
        return lines.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
            .toList();
    }
}
