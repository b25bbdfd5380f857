package io.jmpi.launcher;

import java.util.List;

/**
 * Which host each rank runs on: by slot (fill each host's slots in order, Open MPI's default) or by node
 * (round-robin over the hosts, {@code --map-by node}).
 */
final class Placement
{
    private Placement()
    {
    }

    /**
     * @param hosts  the hosts and their slots.
     * @param ranks  number of ranks.
     * @param byNode true for round-robin over hosts, false to fill slots in order.
     * @return for each rank, the index of its host.
     * @throws UsageException if the hosts have fewer slots than ranks.
     */
    static int[] place(final List<HostList.Host> hosts, final int ranks, final boolean byNode) throws UsageException
    {
        int slots = 0;
        for (final HostList.Host host : hosts)
        {
            slots += host.slots();
        }
        if (ranks > slots)
        {
            throw new UsageException("-np " + ranks + " needs " + ranks + " slots but the hosts have " + slots +
                " (give more slots with host:N or slots=N)");
        }

        final int[] hostOf = new int[ranks];
        final int[] used = new int[hosts.size()];
        int host = 0;
        for (int rank = 0; rank < ranks; rank++)
        {
            while (used[host] == hosts.get(host).slots())
            {
                host = (host + 1) % hosts.size();
            }
            hostOf[rank] = host;
            used[host]++;
            if (byNode)
            {
                host = (host + 1) % hosts.size();
            }
        }
        return hostOf;
    }
}
