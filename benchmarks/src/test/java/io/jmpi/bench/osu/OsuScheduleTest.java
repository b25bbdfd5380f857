package io.jmpi.bench.osu;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OsuScheduleTest
{
    private static final String[] NO_OPTIONS = {};

    @Test
    void latencyRunsFromZeroThroughPowersOfTwoToFourMebibytes()
    {
        final int[] sizes = OsuSchedule.latency(NO_OPTIONS).sizes();

        assertEquals(24, sizes.length);
        assertArrayEquals(new int[]{ 0, 1, 2, 4, 8 }, Arrays.copyOf(sizes, 5));
        assertEquals(4 * 1024 * 1024, sizes[sizes.length - 1]);
    }

    @Test
    void largeMessagesGetOsuReducedLoopCounts()
    {
        final OsuSchedule latency = OsuSchedule.latency(NO_OPTIONS);
        assertEquals(10_000, latency.iterations(8192));
        assertEquals(100, latency.warmup(8192));
        assertEquals(1_000, latency.iterations(16384));
        assertEquals(10, latency.warmup(16384));

        final OsuSchedule bandwidth = OsuSchedule.bandwidth(NO_OPTIONS);
        assertEquals(1, bandwidth.sizes()[0]);
        assertEquals(100, bandwidth.iterations(1));
        assertEquals(20, bandwidth.iterations(1 << 20));
        assertEquals(2, bandwidth.warmup(1 << 20));

        final OsuSchedule allreduce = OsuSchedule.collective(NO_OPTIONS, Float.BYTES);
        assertEquals(4, allreduce.sizes()[0]);
        assertEquals(1 << 20, allreduce.sizes()[allreduce.sizes().length - 1]);
        assertEquals(1_000, allreduce.iterations(4));
        assertEquals(100, allreduce.iterations(1 << 20));
    }

    @Test
    void optionsSetSizeRangeIterationsAndWarmup()
    {
        final OsuSchedule schedule = OsuSchedule.latency(new String[]{ "-m", "8:64", "-i", "5", "-x", "1" });

        assertArrayEquals(new int[]{ 8, 16, 32, 64 }, schedule.sizes());
        assertEquals(5, schedule.iterations(8));
        assertEquals(5, schedule.iterations(1 << 20));
        assertEquals(1, schedule.warmup(1 << 20));
        assertEquals(64, schedule.maxSize());
    }

    @Test
    void maximumAloneKeepsTheDefaultMinimum()
    {
        assertArrayEquals(new int[]{ 0, 1, 2, 4 }, OsuSchedule.latency(new String[]{ "-m", "4" }).sizes());
    }

    @Test
    void rejectsMalformedOptions()
    {
        assertThrows(IllegalArgumentException.class, () -> OsuSchedule.latency(new String[]{ "-m" }));
        assertThrows(IllegalArgumentException.class, () -> OsuSchedule.latency(new String[]{ "-m", "64:8" }));
        assertThrows(IllegalArgumentException.class, () -> OsuSchedule.latency(new String[]{ "-i", "many" }));
        assertThrows(IllegalArgumentException.class, () -> OsuSchedule.latency(new String[]{ "-i", "0" }));
        assertThrows(IllegalArgumentException.class, () -> OsuSchedule.latency(new String[]{ "-w", "1" }));
    }

    @Test
    void tableHasOsuLayout()
    {
        assertEquals(
            "# OSU MPI Latency Test v7.4" + System.lineSeparator() + "# Size            Latency (us)",
            OsuTable.header("OSU MPI Latency Test", "Latency (us)"));
        assertEquals("# Size         Avg Latency(us)", OsuTable.header("t", "Avg Latency(us)").split("\\R")[1]);
        assertEquals(String.format("%-10d%20.2f", 0, 0.25), OsuTable.formatRow(0, 0.25));
        assertEquals("4194304                1234.57", OsuTable.formatRow(4194304, 1234.567));
    }
}
