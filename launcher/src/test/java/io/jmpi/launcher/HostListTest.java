package io.jmpi.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostListTest
{
    @Test
    void hostOptionGivesSlotsOrOne() throws UsageException
    {
        assertEquals(List.of(new HostList.Host("h1", 2), new HostList.Host("h2", 1), new HostList.Host("n-3.x", 4)),
            HostList.parseHostOption("h1:2,h2,n-3.x:4"));
    }

    @Test
    void badHostOptionsAreRefused()
    {
        assertTrue(assertThrows(UsageException.class, () -> HostList.parseHostOption("h1:0")).getMessage()
            .contains("slots must be a positive number"));
        assertThrows(UsageException.class, () -> HostList.parseHostOption("h1:x"));
        assertThrows(UsageException.class, () -> HostList.parseHostOption("h1,,h2"));
        assertThrows(UsageException.class, () -> HostList.parseHostOption("bad host"));
        assertThrows(UsageException.class, () -> HostList.parseHostOption(","));
    }

    @Test
    void hostfileInOpenMpiFormat(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("hosts");
        Files.writeString(file, "# cluster\nnode1 slots=2\n\nnode2 slots=3 max_slots=8  # big one\nnode3\n");
        assertEquals(List.of(new HostList.Host("node1", 2), new HostList.Host("node2", 3), new HostList.Host("node3", 1)),
            HostList.readHostfile(file));
    }

    @Test
    void unreadableOrMalformedHostfilesAreRefused(@TempDir final Path dir) throws Exception
    {
        assertTrue(assertThrows(UsageException.class, () -> HostList.readHostfile(dir.resolve("missing")))
            .getMessage().startsWith("cannot read hostfile"));
        final Path bad = dir.resolve("bad");
        Files.writeString(bad, "node1 cpus=4\n");
        assertTrue(assertThrows(UsageException.class, () -> HostList.readHostfile(bad)).getMessage()
            .contains("line 1: unknown word 'cpus=4'"));
        final Path empty = dir.resolve("empty");
        Files.writeString(empty, "# nothing\n");
        assertThrows(UsageException.class, () -> HostList.readHostfile(empty));
    }

    @Test
    void slurmNodeListsAndTasksPerNode() throws UsageException
    {
        assertEquals(List.of("node01", "node02", "node03", "node07", "gpu5"),
            HostList.expandNodeList("node[01-03,07],gpu5"));
        assertEquals(List.of(2, 2, 2, 1), HostList.expandTasksPerNode("2(x3),1", 4));
        assertEquals(List.of(new HostList.Host("c1", 4), new HostList.Host("c2", 4)),
            HostList.fromSlurm(Map.of("SLURM_JOB_NODELIST", "c[1-2]", "SLURM_TASKS_PER_NODE", "4(x2)")));
        assertEquals(List.of(), HostList.fromSlurm(Map.of()));
    }

    @Test
    void placementBySlotFillsHostsAndByNodeRoundRobins() throws UsageException
    {
        final List<HostList.Host> hosts = List.of(new HostList.Host("a", 2), new HostList.Host("b", 2),
            new HostList.Host("c", 2));
        assertArrayEquals(new int[]{ 0, 0, 1, 1, 2 }, Placement.place(hosts, 5, false));
        assertArrayEquals(new int[]{ 0, 1, 2, 0, 1 }, Placement.place(hosts, 5, true));
        assertTrue(assertThrows(UsageException.class, () -> Placement.place(hosts, 7, false)).getMessage()
            .contains("needs 7 slots but the hosts have 6"));
    }

    @Test
    void launchAgentCommands()
    {
        final List<String> program = List.of("java", "-cp", "a b", "Main");
        assertEquals(List.of("ip", "netns", "exec", "jmpih2", "java", "-cp", "a b", "Main"),
            LaunchAgent.command("ip netns exec {host}", "jmpih2", program));
        assertEquals(List.of("ssh", "node1", "'java' '-cp' 'a b' 'Main'"), LaunchAgent.command(null, "node1", program));
        assertEquals(List.of("srun", "--nodes=1", "--ntasks=1", "--nodelist=c1", "java", "-cp", "a b", "Main"),
            LaunchAgent.command("srun", "c1", program));
    }

    @Test
    void addressOnTheSharedNetworkIsChosen()
    {
        assertArrayEquals(new String[]{ "10.77.0.1", "10.77.0.2" }, AddressChooser.choose(new String[]{
            "192.168.5.4/24,10.77.0.1/24", "10.77.0.2/24,172.17.0.1/16" }));
        assertArrayEquals(new String[]{ "192.168.1.1", "10.0.0.2" }, AddressChooser.choose(new String[]{
            "192.168.1.1/24", "10.0.0.2/8" }));
    }
}
