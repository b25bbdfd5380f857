package io.jmpi.bench;

import io.jmpi.bench.harness.PeerLifetime;
import io.jmpi.transport.JobEnvironment;

/**
 * The other end of {@link AeronPingPongBenchmark}: receives each message on raw Aeron and sends it back, until
 * told to stop. It reads the driver's directory and the number of local ranks from the job environment that
 * {@link io.jmpi.bench.harness.LocalJob} gives it.
 * <p>
 * Argument: the message length in bytes.
 */
public final class AeronEcho
{
    private AeronEcho()
    {
    }

    /**
     * Echo messages until told to stop.
     *
     * @param args message length.
     */
    public static void main(final String[] args)
    {
        PeerLifetime.endWithParent();
        final int length = Integer.parseInt(args[0]);
        final byte[] buffer = new byte[length];
        final JobEnvironment environment = JobEnvironment.current();
        try (AeronMessenger messenger = AeronMessenger.connect(
            environment.aeronDir(), AeronMessenger.PONG_STREAM, AeronMessenger.PING_STREAM, environment.localSize()))
        {
            while (messenger.receive(buffer, length))
            {
                messenger.send(buffer, length);
            }
        }
    }
}
