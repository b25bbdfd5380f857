package mpitest;

import io.jmpi.launcher.JobRunner;
import mpi.Comm;
import mpi.Group;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Groups and their operations, and communicators: COMM_SELF, Compare, Dup and clone, Split, Create, Free, and
 * isolation of their messages.
 */
class CommunicatorsTest
{
    @Test
    void groupsAndCommunicators()
    {
        assertEquals(List.of("ok"), JobRunner.run(6, Communicators.class).assertSuccess().linesOfRank(5));
    }

    public static final class Communicators
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Intracomm world = MPI.COMM_WORLD;
            final int rank = world.Rank();
            final int size = world.Size();

            groups(world, rank, size);
            self(world);
            communicators(world, rank, size);

            world.Barrier();
            MPI.Finalize();
            System.out.println("ok");
        }

        private static void groups(final Intracomm world, final int rank, final int size) throws Exception
        {
            final Group all = world.Group();
            Check.equal(size, all.Size(), "group size");
            Check.equal(rank, all.Rank(), "group rank");
            final Group picked = all.Incl(new int[]{ 3, 1 });
            Check.equal(2, picked.Size(), "Incl size");
            Check.equal(3 == rank ? 0 : 1 == rank ? 1 : MPI.UNDEFINED, picked.Rank(), "Incl rank");
            final Group rest = all.Excl(new int[]{ 0, 2 });
            Check.equal(size - 2, rest.Size(), "Excl size");
            final Group evens = all.Range_incl(new int[][]{ { 0, size - 1, 2 } });
            Check.equal((size + 1) / 2, evens.Size(), "Range_incl size");
            Check.equal(0 == rank % 2 ? rank / 2 : MPI.UNDEFINED, evens.Rank(), "Range_incl rank");
            final Group odds = all.Range_excl(new int[][]{ { 0, size - 1, 2 } });
            Check.equal(size / 2, odds.Size(), "Range_excl size");
            final Group downwards = all.Range_incl(new int[][]{ { size - 1, 0, -1 } });
            Check.equal(size - 1 - rank, downwards.Rank(), "Range_incl with a negative stride");

            Check.equal(MPI.IDENT, Group.Compare(all, world.Group()), "Compare of equal groups");
            Check.equal(MPI.SIMILAR, Group.Compare(all, downwards), "Compare of reordered groups");
            Check.equal(MPI.UNEQUAL, Group.Compare(all, evens), "Compare of different groups");
            Check.equal(MPI.IDENT, Group.Compare(Group.Union(evens, odds), Group.Union(evens, odds)), "Union");
            Check.equal(MPI.SIMILAR, Group.Compare(Group.Union(odds, evens), all), "Union of evens and odds");
            Check.equal(0, Group.Intersection(evens, odds).Size(), "Intersection of evens and odds");
            Check.equal(MPI.IDENT, Group.Compare(Group.Difference(all, odds), evens), "Difference");
            Check.equal(0, MPI.GROUP_EMPTY.Size(), "GROUP_EMPTY");
            Check.equal(new int[]{ size - 4, size - 2 },
                Group.Translate_ranks(picked, new int[]{ 0, 1 }, downwards), "Translate_ranks");
            Check.equal(new int[]{ 1, 0 }, Group.Translate_ranks(picked, new int[]{ 0, 1 }, odds),
                "Translate_ranks into the odd ranks");
            Check.equal(new int[]{ MPI.UNDEFINED, MPI.UNDEFINED },
                Group.Translate_ranks(picked, new int[]{ 0, 1 }, evens), "Translate_ranks of non-members");
            try
            {
                all.Incl(new int[]{ 1, 1 });
                Check.fail("Incl of a repeated rank");
            }
            catch (final MPIException expected)
            {
                Check.equal(6, expected.getErrorClass(), "Incl of a repeated rank (MPI_ERR_RANK)");
            }
            all.Free();
        }

        private static void self(final Intracomm world) throws Exception
        {
            final Intracomm self = MPI.COMM_SELF;
            Check.equal(1, self.Size(), "COMM_SELF size");
            Check.equal(0, self.Rank(), "COMM_SELF rank");
            Check.equal(MPI.UNEQUAL, Comm.Compare(self, world), "COMM_SELF and COMM_WORLD");
            final int[] got = new int[1];
            self.Send(new int[]{ 9 }, 0, 1, MPI.INT, 0, 1);
            self.Recv(got, 0, 1, MPI.INT, 0, 1);
            Check.equal(9, got[0], "message to self");
            final int[] sum = new int[1];
            self.Allreduce(new int[]{ 4 }, 0, sum, 0, 1, MPI.INT, MPI.SUM);
            Check.equal(4, sum[0], "Allreduce on COMM_SELF");
            Check.that(!self.Test_inter(), "no inter-communicators");
            Check.equal(MPI.UNDEFINED, self.Topo_test(), "no topology");
        }

        private static void communicators(final Intracomm world, final int rank, final int size) throws Exception
        {
            Check.equal(MPI.IDENT, Comm.Compare(world, world), "Compare of a communicator with itself");
            final Intracomm dup = world.Dup();
            Check.equal(MPI.CONGRUENT, Comm.Compare(world, dup), "Compare with a duplicate");
            final Intracomm cloned = (Intracomm)world.clone();
            Check.equal(MPI.CONGRUENT, Comm.Compare(cloned, dup), "Compare of a clone");
            final int peer = rank ^ 1;
            if (peer < size)
            {
                final int[] got = new int[1];
                dup.Send(new int[]{ 1 }, 0, 1, MPI.INT, peer, 5);
                world.Send(new int[]{ 2 }, 0, 1, MPI.INT, peer, 5);
                world.Recv(got, 0, 1, MPI.INT, peer, 5);
                Check.equal(2, got[0], "a duplicate's messages stay out of the original");
                dup.Recv(got, 0, 1, MPI.INT, MPI.ANY_SOURCE, MPI.ANY_TAG);
                Check.equal(1, got[0], "the duplicate's message");
            }

            final Intracomm parity = world.Split(rank % 2, -rank);
            Check.equal(0 == rank % 2 ? (size + 1) / 2 : size / 2, parity.Size(), "Split size");
            Check.equal(parity.Size() - 1 - rank / 2, parity.Rank(), "Split orders by key");
            final int[] sum = new int[1];
            parity.Allreduce(new int[]{ rank }, 0, sum, 0, 1, MPI.INT, MPI.SUM);
            int expected = 0;
            for (int r = rank % 2; r < size; r += 2)
            {
                expected += r;
            }
            Check.equal(expected, sum[0], "Allreduce on a split communicator");
            final Intracomm none = world.Split(0 == rank ? 0 : MPI.UNDEFINED, 0);
            Check.that((0 == rank) == (null != none), "Split with UNDEFINED gives null");

            final Group evens = world.Group().Range_incl(new int[][]{ { 0, size - 1, 2 } });
            final Intracomm created = world.Create(evens);
            Check.that((0 == rank % 2) == (null != created), "Create gives null outside the group");
            if (null != created)
            {
                Check.equal(rank / 2, created.Rank(), "Create keeps the group's order");
                Check.equal(MPI.SIMILAR, Comm.Compare(created, parity), "Create and Split: same members, other order");
                created.Barrier();
                created.Free();
                try
                {
                    created.Barrier();
                    Check.fail("a freed communicator was used");
                }
                catch (final MPIException expectedFailure)
                {
                    Check.equal(5, expectedFailure.getErrorClass(), "using a freed communicator (MPI_ERR_COMM)");
                }
            }
            try
            {
                world.Free();
                Check.fail("COMM_WORLD was freed");
            }
            catch (final MPIException expectedFailure)
            {
                Check.equal(5, expectedFailure.getErrorClass(), "freeing COMM_WORLD (MPI_ERR_COMM)");
            }
            dup.Free();
            cloned.Free();
        }
    }
}
