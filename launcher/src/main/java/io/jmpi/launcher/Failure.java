package io.jmpi.launcher;

/**
 * How one rank failed, as jrun reports it.
 *
 * @param message      for the user, after {@code jrun: }.
 * @param jrunExitCode exit code of jrun if this is the failure it reports first.
 * @param consequence  whether the rank failed because a peer had failed: its exception says ERR_PROC_FAILED.
 * @param awaitsJoin   whether it is a failure only if the job is a jmpi job: the rank exited with 0 before it
 *                     joined, which a plain program does too.
 */
record Failure(String message, int jrunExitCode, boolean consequence, boolean awaitsJoin)
{
    /** What the exception of a rank whose peer failed says. */
    private static final String PROC_FAILED = "ERR_PROC_FAILED";

    /**
     * @param message      for the user.
     * @param jrunExitCode exit code of jrun if this is the failure it reports first.
     * @return a failure that is no consequence of another, such as a lost host.
     */
    static Failure of(final String message, final int jrunExitCode)
    {
        return new Failure(message, jrunExitCode, false, false);
    }

    /**
     * @param rank      the rank.
     * @param exitValue its exit value.
     * @param unclosed  whether its marker says it still had jmpi open when it exited.
     * @param joined    whether it had joined the job (its word on the job page said JOINED or LEFT).
     * @param hint      the exception or abort its last output names, or null.
     * @param where     where it ran, appended to the message: {@code " on host h1"}, or empty.
     * @return how it failed, or null if it exited with 0 after closing jmpi.
     */
    static Failure of(
        final int rank, final int exitValue, final boolean unclosed, final boolean joined, final String hint,
        final String where)
    {
        final String because = null == hint ? "" : " (" + hint + ")";
        final boolean consequence = null != hint && hint.contains(PROC_FAILED);
        if (!joined)
        {
            return new Failure(ExitStatus.describe(rank, exitValue) + " before joining the job" + where + because,
                0 == exitValue ? 1 : ExitStatus.jrunExitCode(exitValue), consequence, 0 == exitValue);
        }
        if (0 == exitValue)
        {
            return unclosed ?
                of("rank " + rank + " exited with code 0 without closing jmpi" + where, 1) : null;
        }
        return new Failure(
            ExitStatus.describe(rank, exitValue) + where + because, ExitStatus.jrunExitCode(exitValue), consequence, false);
    }
}
