package io.jmpi.bench.harness;

import io.jmpi.transport.JobEnvironment;
import org.agrona.IoUtil;

import java.io.File;

/**
 * Ties a peer rank's life to the JMH fork that started it.
 */
public final class PeerLifetime
{
    private PeerLifetime()
    {
    }

    /**
     * When the parent process (the fork that hosts the job's driver) exits, remove the job's Aeron directory, which
     * that driver can no longer remove, and end this JVM at once: so a fork that was killed, and so ran no cleanup,
     * leaves no peer waiting for messages forever and no directory in /dev/shm.
     */
    public static void endWithParent()
    {
        final JobEnvironment environment = JobEnvironment.current();
        ProcessHandle.current().parent().ifPresent((parent) -> parent.onExit().thenRun(() ->
        {
            if (null != environment)
            {
                IoUtil.delete(new File(environment.aeronDir()), true);
            }
            Runtime.getRuntime().halt(1);
        }));
    }
}
