package io.jmpi.launcher;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches the standard error lines of one rank as they are forwarded: keeps the last ones, to tell how a failed
 * rank failed, and counts the lines in which the rank reports what it is blocked in.
 */
final class ErrorWatch implements Consumer<String>
{
    /** How many of the last lines are kept: enough for a stack trace and what follows it. */
    static final int TAIL_LINES = 200;
    /** A stack trace followed by more lines than this is old news, not the failure. */
    static final int LINES_AFTER_TRACE = 5;

    private static final int MAX_LINE_LENGTH = 1000;
    private static final int MAX_HINT_LENGTH = 200;
    private static final String UNCAUGHT = "Exception in thread \"";
    private static final Pattern ABORT = Pattern.compile("jmpi: rank \\d+ (called abort\\(-?\\d+\\))");
    /** The runtime's answer to the report signal: one line per blocked thread, or that none is blocked. */
    private static final Pattern REPORT = Pattern.compile("jmpi: rank \\d+ (blocked in |is not blocked in jmpi)");

    private final ArrayDeque<String> tail = new ArrayDeque<>(TAIL_LINES);
    private long reportLines;

    @Override
    public synchronized void accept(final String line)
    {
        if (tail.size() == TAIL_LINES)
        {
            tail.removeFirst();
        }
        tail.addLast(line.length() > MAX_LINE_LENGTH ? line.substring(0, MAX_LINE_LENGTH) : line);
        if (REPORT.matcher(line).lookingAt())
        {
            reportLines++;
            notifyAll();
        }
    }

    /**
     * @return how many report lines the rank has written so far.
     */
    synchronized long reportLines()
    {
        return reportLines;
    }

    /**
     * Wait until the rank has written more than a number of report lines.
     *
     * @param moreThan  report lines counted before the rank was asked.
     * @param timeoutNs how long to wait at most.
     * @return {@code true} if the rank has answered.
     * @throws InterruptedException if interrupted while waiting.
     */
    synchronized boolean awaitReport(final long moreThan, final long timeoutNs) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + timeoutNs;
        long leftNs;
        while (reportLines <= moreThan && (leftNs = deadlineNs - System.nanoTime()) > 0)
        {
            TimeUnit.NANOSECONDS.timedWait(this, leftNs);
        }
        return reportLines > moreThan;
    }

    /**
     * @return the last lines, oldest first.
     */
    synchronized List<String> tail()
    {
        return new ArrayList<>(tail);
    }

    /**
     * @return what the rank's last lines say about its failure, or {@code null}.
     */
    String failureHint()
    {
        return failureHint(tail());
    }

    /**
     * Find how a rank failed in its last standard error lines: the first line of the exception whose stack trace
     * ends them (thrown out of main or printed before exiting), or its call of {@code abort}; whichever came last.
     *
     * @param lines the last lines of standard error, oldest first.
     * @return for example {@code java.lang.IllegalStateException: boom} or {@code called abort(3)}; or
     * {@code null} if the lines tell nothing.
     */
    static String failureHint(final List<String> lines)
    {
        final int first = Math.max(0, lines.size() - 1 - LINES_AFTER_TRACE);
        for (int i = lines.size() - 1; i >= 0; i--)
        {
            final String line = lines.get(i);
            final Matcher abort = ABORT.matcher(line);
            if (abort.matches())
            {
                return i >= first ? abort.group(1) : null;
            }
            if (isTraceLine(line))
            {
                return i >= first ? exceptionOf(lines, i) : null;
            }
            if (line.startsWith(UNCAUGHT))
            {
                // an uncaught exception without stack trace
                return i >= first ? shorten(withoutThreadName(line)) : null;
            }
        }
        return null;
    }

    /**
     * Walk up from the last line of a stack trace to its first: the exception, above its frames and causes.
     */
    private static String exceptionOf(final List<String> lines, final int last)
    {
        int header = last;
        while (header >= 0 && (isTraceLine(lines.get(header)) || lines.get(header).startsWith("Caused by: ")))
        {
            header--;
        }
        return header < 0 ? null : shorten(withoutThreadName(lines.get(header)));
    }

    /**
     * @return whether the line is a frame, an elision or a suppressed exception of a printed stack trace.
     */
    private static boolean isTraceLine(final String line)
    {
        if (!line.startsWith("\t"))
        {
            return false;
        }
        final String body = line.trim();
        return body.startsWith("at ") || body.startsWith("... ") || body.startsWith("Suppressed: ") ||
            body.startsWith("Caused by: ");
    }

    private static String withoutThreadName(final String line)
    {
        if (line.startsWith(UNCAUGHT))
        {
            final int end = line.indexOf("\" ", UNCAUGHT.length());
            if (end > 0)
            {
                return line.substring(end + 2);
            }
        }
        return line;
    }

    private static String shorten(final String text)
    {
        final String trimmed = text.trim();
        if (trimmed.isEmpty())
        {
            return null;
        }
        return trimmed.length() > MAX_HINT_LENGTH ? trimmed.substring(0, MAX_HINT_LENGTH) + "..." : trimmed;
    }
}
