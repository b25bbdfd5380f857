package io.jmpi.launcher;

/**
 * Interprets the exit value of a rank process: on Unix, a process ended by signal n reports {@code 128 + n}.
 */
final class ExitStatus
{
    private static final int SIGNAL_BASE = 128;
    private static final int MAX_SIGNAL = 64;
    private static final int MAX_EXIT_CODE = 255;

    private ExitStatus()
    {
    }

    /**
     * @param rank      the rank whose process ended.
     * @param exitValue its non-zero exit value.
     * @return one line for the user, e.g. {@code rank 1 was killed by signal 9 (SIGKILL)}.
     */
    static String describe(final int rank, final int exitValue)
    {
        if (exitValue > SIGNAL_BASE && exitValue <= SIGNAL_BASE + MAX_SIGNAL)
        {
            final int signal = exitValue - SIGNAL_BASE;
            final String name = signalName(signal);
            return "rank " + rank + " was killed by signal " + signal + (null == name ? "" : " (" + name + ")");
        }

        return "rank " + rank + " exited with code " + exitValue;
    }

    /**
     * @param exitValue the non-zero exit value of the rank that failed.
     * @return the exit code for jrun: the rank's own when a shell can report it, else 1.
     */
    static int jrunExitCode(final int exitValue)
    {
        return exitValue >= 1 && exitValue <= MAX_EXIT_CODE ? exitValue : 1;
    }

    /**
     * Names only the signals whose numbers POSIX systems share, so a name is never wrong.
     */
    private static String signalName(final int signal)
    {
        return switch (signal)
        {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 3 -> "SIGQUIT";
            case 4 -> "SIGILL";
            case 6 -> "SIGABRT";
            case 8 -> "SIGFPE";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 13 -> "SIGPIPE";
            case 14 -> "SIGALRM";
            case 15 -> "SIGTERM";
            default -> null;
        };
    }
}
