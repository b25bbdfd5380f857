package io.jmpi.launcher;

import io.jmpi.transport.JobSecret;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntConsumer;

/**
 * Heartbeats between the host agents of a job over the network its ranks use: each agent sends a datagram to every
 * other agent twice a second, and reports once a host it has not heard for {@link #SILENCE_NS} as unreachable.
 * jrun names the host that most of the others cannot reach ({@link HostLoss}). The agents' control streams to jrun
 * need not cross that network (ssh from elsewhere, namespaces on one machine), so their silence cannot tell.
 * <p>
 * The silence is 10 s, twice the longest stall seen of a healthy JVM on a starved CPU (5.1 s at load 20), and below
 * the driver's network liveness timeout, so that jrun names a lost host before the ranks take its peers for
 * departed. A datagram carries a token derived from the job's secret, so that neither another job's agents nor a
 * stranger are heard.
 */
final class LinkWatch implements AutoCloseable
{
    /** How long a host may stay unheard before it is reported unreachable. */
    static final long SILENCE_NS = TimeUnit.SECONDS.toNanos(10);
    private static final long INTERVAL_MS = 500;
    private static final int LENGTH = Long.BYTES + Integer.BYTES;

    private final DatagramSocket socket;
    private final long token;
    private final int self;

    /**
     * Bind the watch's socket.
     *
     * @param secret the job's secret.
     * @param self   this agent's host index.
     * @param local  the endpoint jrun gave this agent's watch.
     * @throws SocketException if the endpoint cannot be bound.
     */
    LinkWatch(final String secret, final int self, final InetSocketAddress local) throws SocketException
    {
        this.socket = new DatagramSocket(local);
        this.token = JobSecret.derive(secret, "jmpi link watch");
        this.self = self;
    }

    /**
     * Start sending and listening, on daemon threads that end with {@link #close()}.
     *
     * @param agents      every agent's watch, by host index (this one's included, and skipped).
     * @param unreachable told the index of each host that has been silent too long, once, on the sending thread.
     */
    void start(final List<InetSocketAddress> agents, final IntConsumer unreachable)
    {
        final AtomicLongArray lastHeardNs = new AtomicLongArray(agents.size());
        final long startNs = System.nanoTime();
        for (int h = 0; h < agents.size(); h++)
        {
            lastHeardNs.set(h, startNs);
        }
        daemon(() -> listen(lastHeardNs), "jrun-agent-link-listen");
        daemon(() -> beat(agents, lastHeardNs, unreachable), "jrun-agent-link-beat");
    }

    private void listen(final AtomicLongArray lastHeardNs)
    {
        final byte[] bytes = new byte[LENGTH];
        final DatagramPacket packet = new DatagramPacket(bytes, bytes.length);
        while (!socket.isClosed())
        {
            try
            {
                socket.receive(packet);
                final ByteBuffer frame = ByteBuffer.wrap(bytes, 0, packet.getLength());
                if (LENGTH == packet.getLength() && token == frame.getLong())
                {
                    final int host = frame.getInt();
                    if (host >= 0 && host < lastHeardNs.length())
                    {
                        lastHeardNs.set(host, System.nanoTime());
                    }
                }
            }
            catch (final IOException ex)
            {
                // closed, or a datagram that went wrong: the loop tells
            }
        }
    }

    private void beat(final List<InetSocketAddress> agents, final AtomicLongArray lastHeardNs,
        final IntConsumer unreachable)
    {
        final byte[] bytes = ByteBuffer.allocate(LENGTH).putLong(token).putInt(self).array();
        final boolean[] reported = new boolean[agents.size()];
        while (!socket.isClosed())
        {
            final long nowNs = System.nanoTime();
            for (int h = 0; h < agents.size(); h++)
            {
                if (h == self)
                {
                    continue;
                }
                try
                {
                    socket.send(new DatagramPacket(bytes, bytes.length, agents.get(h)));
                }
                catch (final IOException ex)
                {
                    // the network is down from here: the others will not hear this host
                }
                if (!reported[h] && nowNs - lastHeardNs.get(h) > SILENCE_NS)
                {
                    reported[h] = true;
                    unreachable.accept(h);
                }
            }
            try
            {
                Thread.sleep(INTERVAL_MS);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
        }
    }

    private static void daemon(final Runnable body, final String name)
    {
        final Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close()
    {
        socket.close();
    }
}
