package io.jmpi.launcher;

import java.util.List;
import java.util.Map;

/**
 * How many ranks a job has, as mpirun decides it: {@code -np} when given, else {@code -N} per host, else the tasks
 * of the Slurm allocation jrun runs in ({@code SLURM_NTASKS}), else the slots of the hosts given.
 */
final class RankCount
{
    private RankCount()
    {
    }

    /**
     * @param options the command line.
     * @param hosts   the hosts given (this host among them, if named), with {@code -N}'s slots; empty for none.
     * @param env     jrun's environment, which tells of a Slurm allocation.
     * @return the number of ranks.
     * @throws UsageException when nothing says how many, or {@code -np} exceeds {@code -N} per host.
     */
    static int of(final JrunOptions options, final List<HostList.Host> hosts, final Map<String, String> env)
        throws UsageException
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
        final String tasks = env.get("SLURM_NTASKS");
        if (null != options.launchAgent() && options.launchAgent().startsWith("srun") && null != tasks &&
            tasks.matches("[1-9][0-9]{0,8}"))
        {
            return Integer.parseInt(tasks);
        }
        if (!hosts.isEmpty())
        {
            return hosts.stream().mapToInt(HostList.Host::slots).sum();
        }
        throw new UsageException("missing -np N, the number of ranks to start");
    }
}
