package io.jmpi.launcher;

import java.util.List;

/**
 * How many ranks a job has, as mpirun decides it: {@code -np} when given, else {@code -N} per host, else the slots
 * of the hosts given.
 */
final class RankCount
{
    private RankCount()
    {
    }

    /**
     * @param options the command line.
     * @param hosts   the hosts given (this host among them, if named), with {@code -N}'s slots; empty for none.
     * @return the number of ranks.
     * @throws UsageException when nothing says how many, or {@code -np} exceeds {@code -N} per host.
     */
    static int of(final JrunOptions options, final List<HostList.Host> hosts) throws UsageException
    {
        final int hostCount = Math.max(1, hosts.size());
        final int perNode = options.ranksPerNode();
        if (options.ranks() > 0)
        {
            if (perNode > 0 && options.ranks() > perNode * hostCount)
            {
                throw new UsageException("-np " + options.ranks() + " exceeds -N " + perNode + " ranks on each of " +
                    hostCount + (1 == hostCount ? " host" : " hosts"));
            }
            return options.ranks();
        }
        if (perNode > 0)
        {
            return perNode * hostCount;
        }
        if (!hosts.isEmpty())
        {
            return hosts.stream().mapToInt(HostList.Host::slots).sum();
        }
        throw new UsageException("missing -np N, the number of ranks to start");
    }
}
