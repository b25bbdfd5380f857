package io.jmpi.transport;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobEnvironmentTest
{
    @Test
    void aJobOnOneHostHasNoEndpointsAndNoMulticast()
    {
        final JobEnvironment environment = JobEnvironment.fromEnvironment(job(1, 2));

        assertFalse(environment.isMultiHost());
        assertTrue(environment.isLocal(0));
        assertEquals("", environment.hostOf(1));
        assertNull(environment.multicast());
    }

    @Test
    void ranksSharingAnAddressShareAHost()
    {
        final Map<String, String> env = job(1, 3);
        env.put(JobEnvironment.ENDPOINTS, "10.0.0.1:20000,10.0.0.1:20001,10.0.0.2:20000");
        env.put(JobEnvironment.MULTICAST, "239.255.1.2:12000");
        final JobEnvironment environment = JobEnvironment.fromEnvironment(env);

        assertTrue(environment.isLocal(0));
        assertFalse(environment.isLocal(2));
        assertEquals("10.0.0.2", environment.hostOf(2));
        assertEquals("10.0.0.1", environment.hostAddress());
        assertEquals("239.255.1.2:12000", environment.multicast());
    }

    @Test
    void aMulticastGroupWithoutPortIsRejected()
    {
        final Map<String, String> env = job(0, 2);
        env.put(JobEnvironment.ENDPOINTS, "10.0.0.1:20000,10.0.0.2:20000");
        env.put(JobEnvironment.MULTICAST, "239.255.1.2");

        final IllegalStateException ex =
            assertThrows(IllegalStateException.class, () -> JobEnvironment.fromEnvironment(env));
        assertEquals("JMPI_MULTICAST '239.255.1.2' is not address:port", ex.getMessage());
    }

    @Test
    void theDriverHostIsKnownOnlyWhenJrunNamesIt()
    {
        final Map<String, String> env = job(0, 2);
        assertEquals(0, JobEnvironment.fromEnvironment(env).driverPid());

        env.put(JobEnvironment.DRIVER_PID, "4194304");
        assertEquals(4194304, JobEnvironment.fromEnvironment(env).driverPid());

        env.put(JobEnvironment.DRIVER_PID, "jrun");
        final IllegalStateException ex =
            assertThrows(IllegalStateException.class, () -> JobEnvironment.fromEnvironment(env));
        assertEquals("JMPI_DRIVER_PID=jrun is not a number", ex.getMessage());
    }

    @Test
    void aRankWithoutAStrongSecretIsRefused()
    {
        final Map<String, String> env = job(0, 2);
        env.remove(JobEnvironment.SECRET);
        assertEquals("JMPI_JOB_SECRET is not set although JMPI_RANK is: start ranks with jrun",
            assertThrows(IllegalStateException.class, () -> JobEnvironment.fromEnvironment(env)).getMessage());

        for (final String weak : new String[]{ "0123456789abcdef0123456789abcde", "x".repeat(64) })
        {
            env.put(JobEnvironment.SECRET, weak);
            assertTrue(assertThrows(IllegalStateException.class, () -> JobEnvironment.fromEnvironment(env))
                .getMessage().contains("is not a secret of at least 128 bits"), weak);
        }
    }

    @Test
    void theFrameTokenComesFromTheSecretNotTheJobId()
    {
        final Map<String, String> env = job(0, 2);
        final long token = JobEnvironment.fromEnvironment(env).frameToken();
        env.put(JobEnvironment.RANK, "1");
        assertEquals(token, JobEnvironment.fromEnvironment(env).frameToken(), "every rank of a job agrees");

        env.put(JobEnvironment.SECRET, JobSecret.generate());
        assertNotEquals(token, JobEnvironment.fromEnvironment(env).frameToken(), "same job id, another secret");
        assertNotEquals(JobSecret.generate(), JobSecret.generate());
        assertEquals(64, JobSecret.generate().length());
    }

    private static Map<String, String> job(final int rank, final int size)
    {
        final Map<String, String> env = new HashMap<>();
        env.put(JobEnvironment.RANK, Integer.toString(rank));
        env.put(JobEnvironment.SIZE, Integer.toString(size));
        env.put(JobEnvironment.JOB_ID, "test");
        env.put(JobEnvironment.SECRET, JobSecret.generate());
        env.put(JobEnvironment.AERON_DIR, "/dev/shm/jmpi-test");
        return env;
    }
}
