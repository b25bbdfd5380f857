package ompitest;

import io.jmpi.launcher.JobRunner;
import mpi.Intercomm;
import mpi.Intracomm;
import mpi.MPI;
import mpitest.Check;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Intercommunicators of Open MPI's Java API: createIntercomm between the even and the odd ranks, point-to-point
 * across, the collectives between the groups with MPI.ROOT, dup, and merge.
 */
class IntercommTest
{
    @Test
    void evensAndOddsOnFiveRanks()
    {
        assertEquals(List.of("ok"), JobRunner.run(5, EvensAndOdds.class).assertSuccess().linesOfRank(1));
    }

    /**
     * The even ranks form one group, the odd ones the other.
     */
    public static final class EvensAndOdds
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Intracomm world = MPI.COMM_WORLD;
            final int rank = world.getRank();
            final int size = world.getSize();
            final boolean even = 0 == rank % 2;
            final Intracomm local = world.split(rank % 2, rank);
            final Intercomm inter = world.createIntercomm(local, 0, even ? 1 : 0, 33);
            Check.that(inter.isInter() && !world.isInter(), "isInter");
            final int evens = (size + 1) / 2;
            final int odds = size / 2;
            Check.equal(even ? evens : odds, inter.getSize(), "local size");
            Check.equal(even ? odds : evens, inter.getRemoteSize(), "remote size");
            Check.equal(even ? odds : evens, inter.getRemoteGroup().getSize(), "remote group");
            Check.equal(rank / 2, inter.getRank(), "local rank");

            final int partner = Math.min(inter.getRank(), inter.getRemoteSize() - 1);
            final int[] in = new int[1];
            if (inter.getRank() < Math.min(evens, odds))
            {
                inter.sendRecv(new int[]{ rank }, 1, MPI.INT, partner, 1, in, 1, MPI.INT, partner, 1);
                Check.equal(even ? rank + 1 : rank - 1, in[0], "point-to-point across the groups");
            }

            final int[] value = { even ? rank : 77 };
            final int root = even ? (0 == inter.getRank() ? MPI.ROOT : MPI.PROC_NULL) : 0;
            final int[] broadcast = { even && 0 == inter.getRank() ? 42 : 0 };
            inter.bcast(broadcast, 1, MPI.INT, root);
            if (!even)
            {
                Check.equal(42, broadcast[0], "bcast from the even leader");
            }
            final int[] sum = new int[1];
            inter.allReduce(new int[]{ rank }, sum, 1, MPI.INT, MPI.SUM);
            int remoteSum = 0;
            for (int r = even ? 1 : 0; r < size; r += 2)
            {
                remoteSum += r;
            }
            Check.equal(remoteSum, sum[0], "allReduce gives the remote group's sum");
            final int[] gathered = new int[inter.getRemoteSize()];
            final int oddRoot = !even ? (0 == inter.getRank() ? MPI.ROOT : MPI.PROC_NULL) : 0;
            inter.gather(value, 1, MPI.INT, gathered, 1, MPI.INT, even ? 0 : oddRoot);
            if (MPI.ROOT == oddRoot)
            {
                for (int i = 0; i < gathered.length; i++)
                {
                    Check.equal(2 * i, gathered[i], "gather at the odd leader from even rank " + i);
                }
            }
            final int[] fromRemote = new int[even ? odds : evens];
            inter.allGather(new int[]{ rank }, 1, MPI.INT, fromRemote, 1, MPI.INT);
            for (int i = 0; i < fromRemote.length; i++)
            {
                Check.equal(2 * i + (even ? 1 : 0), fromRemote[i], "allGather from remote rank " + i);
            }
            inter.barrier();

            final Intercomm copy = inter.dup();
            Check.equal(inter.getRemoteSize(), copy.getRemoteSize(), "remote size of a dup");
            final Intracomm merged = inter.merge(!even);
            Check.equal(size, merged.getSize(), "size of the merged communicator");
            Check.equal(even ? rank / 2 : evens + rank / 2, merged.getRank(), "evens first in the merge");
            merged.barrier();
            copy.free();
            world.barrier();
            System.out.println("ok");
            MPI.Finalize();
        }
    }
}
