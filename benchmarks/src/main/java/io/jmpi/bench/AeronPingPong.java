package io.jmpi.bench;

import io.jmpi.bench.harness.LocalJob;
import io.jmpi.bench.osu.P2pSchedule;
import io.jmpi.bench.osu.RoundTrips;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The raw Aeron side of {@code benchmarks/p2p-vs-c.sh}: the ping-pong of {@link io.jmpi.bench.osu.P2pVsC} on
 * Aeron IPC with no jmpi on top, through the harness of {@link AeronPingPongBenchmark}: this JVM hosts the embedded
 * media driver of a {@link LocalJob} and pings, an {@link AeronEcho} process pongs, and messages move as jmpi moves
 * them ({@link AeronMessenger}), with the idle strategy of jmpi's blocking calls.
 * <pre>{@code
 * java @launcher/target/classes/io/jmpi/launcher/jvm.flags -cp benchmarks/target/benchmarks.jar \
 *     io.jmpi.bench.AeronPingPong [--quick]
 * }</pre>
 * The sizes, counts and warm-up of {@link P2pSchedule}, every size up to 4 MiB (a message is sent as frames of at
 * most the publication's max payload, so Aeron's max message length does not bound it), and the lines of
 * {@link RoundTrips}: first {@code cold}, the first round trips of 8 B once both ends are connected, then
 * {@code latency} for each size. There is no bandwidth: the echo answers every message.
 * <p>
 * The echo is given the size of each run of messages in advance, and a stop after each run moves it on to the
 * next; messages are timed here, one round trip at a time, and nothing needs a barrier, as each round trip waits
 * for the other end.
 */
public final class AeronPingPong
{
    private static final int RANKS = 2;

    private final AeronMessenger messenger;
    private final P2pSchedule schedule;
    private final RoundTrips roundTrips;
    private final byte[] buffer;

    private AeronPingPong(final AeronMessenger messenger, final P2pSchedule schedule)
    {
        this.messenger = messenger;
        this.schedule = schedule;
        this.roundTrips = new RoundTrips(schedule.maxRoundTrips());
        this.buffer = new byte[schedule.maxBytes()];
    }

    /**
     * Start the job, run the cold round trips and every size, and print their lines.
     *
     * @param args {@code --quick} or nothing.
     * @throws IllegalArgumentException for any other argument.
     */
    public static void main(final String[] args)
    {
        final boolean quick = 1 == args.length && "--quick".equals(args[0]);
        if (!quick && 0 != args.length)
        {
            throw new IllegalArgumentException("usage: AeronPingPong [--quick], got " + Arrays.toString(args));
        }
        final P2pSchedule schedule = new P2pSchedule(quick);
        final String[] runs = IntStream.concat(
            IntStream.of(P2pSchedule.COLD_BYTES), Arrays.stream(schedule.latencySizes()))
            .mapToObj(Integer::toString)
            .toArray(String[]::new);
        try (LocalJob job = LocalJob.start(RANKS, AeronEcho.class, runs);
            AeronMessenger messenger = AeronMessenger.connect(
                job.aeronDir(), AeronMessenger.PING_STREAM, AeronMessenger.PONG_STREAM, RANKS))
        {
            new AeronPingPong(messenger, schedule).run();
        }
    }

    private void run()
    {
        timeRoundTrips(P2pSchedule.COLD_BYTES, P2pSchedule.COLD_ROUND_TRIPS);
        messenger.sendStop();
        System.out.println(roundTrips.coldLine(P2pSchedule.COLD_BYTES));
        for (final int bytes : schedule.latencySizes())
        {
            warmUp(bytes);
            timeRoundTrips(bytes, schedule.roundTrips(bytes));
            messenger.sendStop();
            System.out.println(roundTrips.latencyLine(bytes));
        }
    }

    /** Rounds of warm-up round trips until the schedule's time has passed. */
    private void warmUp(final int bytes)
    {
        final long startNs = System.nanoTime();
        do
        {
            for (int i = 0, rounds = schedule.warmupRoundTrips(bytes); i < rounds; i++)
            {
                roundTrip(bytes);
            }
        }
        while (System.nanoTime() - startNs < schedule.warmupMinNs());
    }

    private void timeRoundTrips(final int bytes, final int count)
    {
        roundTrips.reset();
        for (int i = 0; i < count; i++)
        {
            final long start = System.nanoTime();
            roundTrip(bytes);
            roundTrips.add(System.nanoTime() - start);
        }
    }

    private void roundTrip(final int bytes)
    {
        messenger.send(buffer, bytes);
        if (!messenger.receive(buffer, bytes))
        {
            throw new IllegalStateException("the echo stopped");
        }
    }
}
