package io.jmpi.bench;

import io.jmpi.bench.harness.PeerLifetime;
import io.jmpi.transport.JobEnvironment;

import java.util.Arrays;

/**
 * The other end of {@link AeronPingPongBenchmark} and {@link AeronPingPong}: receives each message on raw Aeron and
 * sends it back. The messages come in runs of one length each, every run ended by a stop; the echo exits after the
 * last. It reads the driver's directory and the number of local ranks from the job environment that
 * {@link io.jmpi.bench.harness.LocalJob} gives it.
 * <p>
 * Arguments: the message length in bytes of each run, in order.
 */
public final class AeronEcho
{
    private AeronEcho()
    {
    }

    /**
     * Echo the runs of messages, each until told to stop.
     *
     * @param args message length of each run.
     */
    public static void main(final String[] args)
    {
        PeerLifetime.endWithParent();
        final int[] lengths = Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        final byte[] buffer = new byte[Arrays.stream(lengths).max().orElse(0)];
        final JobEnvironment environment = JobEnvironment.current();
        try (AeronMessenger messenger = AeronMessenger.connect(
            environment.aeronDir(), AeronMessenger.PONG_STREAM, AeronMessenger.PING_STREAM, environment.localSize()))
        {
            for (final int length : lengths)
            {
                while (messenger.receive(buffer, length))
                {
                    messenger.send(buffer, length);
                }
            }
        }
    }
}
