package io.jmpi.launcher;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExitStatusTest
{
    @Test
    void describesExitCodes()
    {
        assertEquals("rank 2 exited with code 3", ExitStatus.describe(2, 3));
        assertEquals("rank 0 exited with code 128", ExitStatus.describe(0, 128));
        assertEquals("rank 0 exited with code 255", ExitStatus.describe(0, 255));
    }

    @Test
    void describesSignals()
    {
        assertEquals("rank 1 was killed by signal 9 (SIGKILL)", ExitStatus.describe(1, 137));
        assertEquals("rank 1 was killed by signal 15 (SIGTERM)", ExitStatus.describe(1, 143));
        assertEquals("rank 4 was killed by signal 11 (SIGSEGV)", ExitStatus.describe(4, 139));
        assertEquals("rank 0 was killed by signal 10", ExitStatus.describe(0, 138));
    }

    @Test
    void jrunExitsWithTheRankCodeWhenAShellCanReportIt()
    {
        assertEquals(3, ExitStatus.jrunExitCode(3));
        assertEquals(137, ExitStatus.jrunExitCode(137));
        assertEquals(1, ExitStatus.jrunExitCode(-1));
        assertEquals(1, ExitStatus.jrunExitCode(256));
    }
}
