package io.jmpi.launcher;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How jrun reads a failed rank's last standard error lines.
 */
class ErrorWatchTest
{
    @Test
    void findsTheExceptionThrownOutOfMain()
    {
        assertEquals("java.lang.IllegalStateException: boom", ErrorWatch.failureHint(List.of(
            "some output",
            "Exception in thread \"main\" java.lang.IllegalStateException: boom",
            "\tat Main.fail(Main.java:10)",
            "\tat Main.main(Main.java:5)")));
    }

    @Test
    void findsTheTopExceptionAboveItsCauses()
    {
        assertEquals("io.jmpi.MpiException: ERR_PROC_FAILED: rank 1 is gone", ErrorWatch.failureHint(List.of(
            "Exception in thread \"main\" io.jmpi.MpiException: ERR_PROC_FAILED: rank 1 is gone",
            "\tat io.jmpi.Comm.recv(Comm.java:120)",
            "\tSuppressed: java.io.IOException: closing",
            "\t\tat io.jmpi.Mpi.close(Mpi.java:3)",
            "Caused by: java.lang.RuntimeException: inner",
            "\tat x.y(Z.java:1)",
            "\t... 3 more")));
    }

    @Test
    void findsAStackTraceThatTheProgramPrintedItself()
    {
        assertEquals("java.io.UncheckedIOException: disk full", ErrorWatch.failureHint(List.of(
            "java.io.UncheckedIOException: disk full",
            "\tat Main.main(Main.java:5)",
            "giving up")));
    }

    @Test
    void findsAnAbort()
    {
        assertEquals("called abort(3)", ErrorWatch.failureHint(List.of(
            "working", "jmpi: rank 1 called abort(3)")));
        assertEquals("called abort(-1)", ErrorWatch.failureHint(List.of("jmpi: rank 12 called abort(-1)")));
    }

    @Test
    void theLastOfTraceAndAbortWins()
    {
        assertEquals("called abort(4)", ErrorWatch.failureHint(List.of(
            "java.lang.RuntimeException: handled",
            "\tat Main.main(Main.java:5)",
            "jmpi: rank 0 called abort(4)")));
    }

    @Test
    void ignoresAnOldStackTrace()
    {
        final List<String> lines = new ArrayList<>(List.of("java.lang.RuntimeException: long ago", "\tat A.b(A.java:1)"));
        for (int i = 0; i <= ErrorWatch.LINES_AFTER_TRACE; i++)
        {
            lines.add("later line " + i);
        }

        assertNull(ErrorWatch.failureHint(lines));
    }

    @Test
    void findsNothingInPlainOutput()
    {
        assertNull(ErrorWatch.failureHint(List.of()));
        assertNull(ErrorWatch.failureHint(List.of("warning: something", "bye")));
    }

    @Test
    void shortensALongMessage()
    {
        final String hint = ErrorWatch.failureHint(List.of(
            "Exception in thread \"main\" java.lang.Error: " + "x".repeat(1000), "\tat A.b(A.java:1)"));

        assertTrue(hint.startsWith("java.lang.Error: xxx"), hint);
        assertTrue(hint.length() < 300, hint);
    }

    @Test
    void keepsOnlyTheLastLines()
    {
        final ErrorWatch watch = new ErrorWatch();
        for (int i = 0; i < ErrorWatch.TAIL_LINES + 10; i++)
        {
            watch.accept("line " + i);
        }

        final List<String> tail = watch.tail();
        assertEquals(ErrorWatch.TAIL_LINES, tail.size());
        assertEquals("line 10", tail.get(0));
    }

    @Test
    void countsReportLines() throws InterruptedException
    {
        final ErrorWatch watch = new ErrorWatch();
        watch.accept("jmpi: rank 0 blocked in recv(source=1, tag=5, comm=world) on thread main");
        watch.accept("unrelated");
        watch.accept("jmpi: rank 0 is not blocked in jmpi");

        assertEquals(2, watch.reportLines());
        assertTrue(watch.awaitReport(1, 0));
        assertFalse(watch.awaitReport(2, TimeUnit.MILLISECONDS.toNanos(20)));
    }

    @Test
    void wakesAWaiterOnAReportLine() throws Exception
    {
        final ErrorWatch watch = new ErrorWatch();
        final Thread rank = new Thread(() -> watch.accept("jmpi: rank 3 is not blocked in jmpi"));

        rank.start();
        assertTrue(watch.awaitReport(0, TimeUnit.SECONDS.toNanos(10)));
        rank.join();
    }
}
