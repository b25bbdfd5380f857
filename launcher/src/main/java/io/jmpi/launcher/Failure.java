package io.jmpi.launcher;

/**
 * How one rank failed, as jrun reports it.
 *
 * @param message      for the user, after {@code jrun: }.
 * @param jrunExitCode exit code of jrun if this is the failure it reports first.
 * @param consequence  whether the rank failed because a peer had failed: its exception says ERR_PROC_FAILED.
 */
record Failure(String message, int jrunExitCode, boolean consequence)
{
    /** What the exception of a rank whose peer failed says. */
    private static final String PROC_FAILED = "ERR_PROC_FAILED";

    /**
     * @param rank      the rank.
     * @param exitValue its exit value.
     * @param unclosed  whether its marker says it still had jmpi open when it exited.
     * @param hint      the exception or abort its last output names, or null.
     * @param where     where it ran, appended to the message: {@code " on host h1"}, or empty.
     * @return how it failed, or null if it exited with 0 after closing jmpi.
     */
    static Failure of(
        final int rank, final int exitValue, final boolean unclosed, final String hint, final String where)
    {
        if (0 == exitValue)
        {
            return unclosed ?
                new Failure("rank " + rank + " exited with code 0 without closing jmpi" + where, 1, false) : null;
        }
        return new Failure(
            ExitStatus.describe(rank, exitValue) + where + (null == hint ? "" : " (" + hint + ")"),
            ExitStatus.jrunExitCode(exitValue),
            null != hint && hint.contains(PROC_FAILED));
    }
}
