package io.jmpi.transport;

import io.aeron.ChannelUri;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChannelsTest
{
    @Test
    void eachCommunicatorGetsAGroupOfItsOwnOnTheJobsPort()
    {
        final ChannelUri world = ChannelUri.parse(
            Channels.multicastChannel("239.255.7.1:12000", Channels.BROADCAST_STREAM_BASE, "10.77.0.2", 3));
        final ChannelUri split = ChannelUri.parse(
            Channels.multicastChannel("239.255.7.1:12000", Channels.BROADCAST_STREAM_BASE + 6 * 2 + 1, "10.77.0.2", 2));

        assertEquals("udp", world.media());
        assertEquals("239.255.7.1:12000", world.get("endpoint"));
        assertEquals("239.255.7.27:12000", split.get("endpoint"));
        assertEquals("10.77.0.2", split.get("interface"));
        assertEquals("min,g:/3", world.get("fc"));
        assertEquals("min,g:/2", split.get("fc"));
    }

    @Test
    void groupsWrapWithinTheJobGroupsSlash16()
    {
        final String channel = Channels.multicastChannel("239.1.255.251:5000", Channels.BROADCAST_STREAM_BASE + 10,
            "10.0.0.1", 2);

        assertEquals("239.1.0.15:5000", ChannelUri.parse(channel).get("endpoint"));
    }
}
