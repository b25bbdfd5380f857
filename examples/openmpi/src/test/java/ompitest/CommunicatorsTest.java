package ompitest;

import io.jmpi.launcher.JobRunner;
import mpi.Comm;
import mpi.Group;
import mpi.Info;
import mpi.Intracomm;
import mpi.MPI;
import mpitest.Check;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Communicators and groups of Open MPI's Java API: dup, split, splitType, create, createGroup, compare, free,
 * names, the group calls, and info objects.
 */
class CommunicatorsTest
{
    @Test
    void communicatorsOnFiveRanks()
    {
        assertEquals(List.of("ok"), JobRunner.run(5, Communicators.class).assertSuccess().linesOfRank(3));
    }

    @Test
    void communicatorsOnFourRanks()
    {
        assertEquals(List.of("ok"), JobRunner.run(4, Communicators.class).assertSuccess().linesOfRank(0));
    }

    /**
     * Makes communicators and groups and checks them.
     */
    public static final class Communicators
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Intracomm world = MPI.COMM_WORLD;
            final int rank = world.getRank();
            final int size = world.getSize();

            final Intracomm dup = world.dup();
            Check.equal(MPI.CONGRUENT, Comm.compare(world, dup), "compare with a dup");
            Check.equal(MPI.IDENT, Comm.compare(world, world), "compare with itself");
            dup.setName("duplicate");
            Check.equal("duplicate", dup.getName(), "name of a communicator");
            final int[] sum = new int[1];
            dup.allReduce(new int[]{ rank }, sum, 1, MPI.INT, MPI.SUM);
            Check.equal(size * (size - 1) / 2, sum[0], "allReduce on a dup");

            final Intracomm halves = world.split(rank % 2, -rank);
            Check.equal(0 == rank % 2 ? (size + 1) / 2 : size / 2, halves.getSize(), "size of a half");
            final int[] members = new int[halves.getSize()];
            halves.allGather(new int[]{ rank }, 1, MPI.INT, members, 1, MPI.INT);
            for (int i = 1; i < members.length; i++)
            {
                Check.that(members[i - 1] > members[i], "split orders by key: " + java.util.Arrays.toString(members));
            }
            Check.equal(MPI.UNEQUAL, Comm.compare(world, halves), "compare with a half");
            final Intracomm reversed = world.split(0, size - rank);
            Check.equal(MPI.SIMILAR, size > 1 ? Comm.compare(world, reversed) : MPI.SIMILAR,
                "compare with a reordered copy");
            Check.equal(size - 1 - rank, reversed.getRank(), "rank in a reversed split");
            final Intracomm none = world.split(0 == rank ? MPI.UNDEFINED : 1, 0);
            Check.that((0 == rank) == none.isNull(), "split with UNDEFINED gives a null communicator");

            final Intracomm host = world.splitType(MPI.COMM_TYPE_SHARED, rank, MPI.INFO_NULL);
            Check.equal(size, host.getSize(), "the ranks of one host share memory");
            Check.equal(rank, host.getRank(), "rank on the host");

            final Group group = world.getGroup();
            Check.equal(size, group.getSize(), "group size");
            Check.equal(rank, group.getRank(), "group rank");
            final Group evens = group.rangeIncl(new int[][]{ { 0, size - 1, 2 } });
            final Group odds = group.excl(toArray(evens, group));
            Check.equal((size + 1) / 2, evens.getSize(), "rangeIncl of the even ranks");
            Check.equal(size / 2, odds.getSize(), "excl of the even ranks");
            Check.equal(MPI.IDENT, Group.compare(group, Group.union(evens, odds).incl(order(size))),
                "union of evens and odds, reordered");
            Check.equal(MPI.SIMILAR, Group.compare(group, Group.union(odds, evens)), "union in another order");
            Check.equal(0, Group.intersection(evens, odds).getSize(), "intersection of evens and odds");
            Check.equal(MPI.IDENT, Group.compare(Group.difference(group, odds), evens), "difference");
            Check.equal(size / 2, group.rangeExcl(new int[][]{ { 0, size - 1, 2 } }).getSize(), "rangeExcl");
            final int[] translated = Group.translateRanks(evens, new int[]{ 0, evens.getSize() - 1 }, group);
            Check.equal(new int[]{ 0, 2 * (evens.getSize() - 1) }, translated, "translateRanks");
            Check.equal(MPI.UNDEFINED, Group.translateRanks(group, new int[]{ 1 }, evens)[0],
                "translate a rank outside");
            Check.equal(0 == rank % 2 ? rank / 2 : MPI.UNDEFINED, evens.getRank(), "rank in evens");
            Check.equal(0, MPI.GROUP_EMPTY.getSize(), "the empty group");

            final Intracomm evenComm = world.create(evens);
            Check.that((0 != rank % 2) == evenComm.isNull(), "create gives null outside the group");
            if (!evenComm.isNull())
            {
                Check.equal(rank / 2, evenComm.getRank(), "rank in the created communicator");
                evenComm.barrier();
                evenComm.free();
                Check.that(evenComm.isNull(), "a freed communicator is null");
            }
            final Intracomm oddComm = world.createGroup(odds, 5);
            Check.that((0 == rank % 2) == oddComm.isNull(), "createGroup gives null outside the group");
            evens.free();
            Check.that(evens.isNull(), "a freed group is null");

            final Info info = new Info();
            info.set("hint", "value");
            info.set("other", "2");
            Check.equal(2, info.size(), "info size");
            Check.equal("value", info.get("hint"), "info get");
            Check.equal("other", info.getKey(1), "info key order");
            final Info infoCopy = info.dup();
            info.delete("hint");
            Check.that(null == info.get("hint"), "deleted info key");
            Check.equal("value", infoCopy.get("hint"), "info dup is a copy");
            info.free();
            Check.that(info.isNull() && MPI.INFO_NULL.isNull(), "freed info and INFO_NULL are null");

            final Intracomm idup = world.iDup();
            idup.getRequest().waitFor();
            Check.equal(size, idup.getSize(), "size of an iDup");
            Check.that(null == world.getRequest(), "no request on a communicator not made by iDup");
            idup.disconnect();
            Check.that(idup.isNull(), "a disconnected communicator is null");

            halves.free();
            reversed.free();
            dup.free();
            world.barrier();
            System.out.println("ok");
            MPI.Finalize();
        }

        private static int[] toArray(final Group sub, final Group all) throws Exception
        {
            final int[] ranks = new int[sub.getSize()];
            for (int i = 0; i < ranks.length; i++)
            {
                ranks[i] = i;
            }
            return Group.translateRanks(sub, ranks, all);
        }

        /**
         * @return the positions of ranks 0..size-1 in the union of evens then odds.
         */
        private static int[] order(final int size)
        {
            final int[] order = new int[size];
            final int evens = (size + 1) / 2;
            for (int r = 0; r < size; r++)
            {
                order[r] = 0 == r % 2 ? r / 2 : evens + r / 2;
            }
            return order;
        }
    }
}
