package io.jmpi.launcher;

/**
 * Decides from the agents' reports of hosts they cannot reach ({@link LinkWatch}) which host is lost: one that more
 * than half of the other hosts not lost themselves report. A host that is cut off reports every other host too,
 * but only it is reported by most; of two hosts, the first reported is taken.
 */
final class HostLoss
{
    private final boolean[][] reported;
    private final boolean[] lost;

    /**
     * @param hosts number of hosts of the job.
     */
    HostLoss(final int hosts)
    {
        this.reported = new boolean[hosts][hosts];
        this.lost = new boolean[hosts];
    }

    /**
     * @param reporter the host whose agent reports.
     * @param host     the host it cannot reach.
     * @return the hosts that report it, by index, if this report makes it lost; null otherwise.
     */
    synchronized int[] report(final int reporter, final int host)
    {
        if (lost[reporter] || lost[host] || reporter == host)
        {
            return null;
        }
        reported[reporter][host] = true;
        int others = 0;
        int reporting = 0;
        for (int r = 0; r < lost.length; r++)
        {
            if (r != host && !lost[r])
            {
                others++;
                reporting += reported[r][host] ? 1 : 0;
            }
        }
        if (2 * reporting <= others)
        {
            return null;
        }
        lost[host] = true;
        final int[] reporters = new int[reporting];
        for (int r = 0, i = 0; r < lost.length; r++)
        {
            if (r != host && reported[r][host] && !lost[r])
            {
                reporters[i++] = r;
            }
        }
        return reporters;
    }
}
