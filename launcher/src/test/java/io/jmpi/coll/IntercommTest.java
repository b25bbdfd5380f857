package io.jmpi.coll;

import io.jmpi.Comm;
import io.jmpi.ErrorClass;
import io.jmpi.Group;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
import io.jmpi.Op;
import io.jmpi.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static io.jmpi.coll.TestArrays.check;

/**
 * Intercommunicators between the even and the odd ranks of the world: point-to-point between the groups (wildcards
 * included), the collectives with MPI's intercommunicator semantics (ROOT and PROC_NULL at the root's group, results
 * from the other group), dup, merge in both orders, and the calls that need one kind of communicator.
 */
class IntercommTest
{
    @ParameterizedTest
    @ValueSource(ints = { 3, 4, 8 })
    void intercommunicatorsBetweenEvenAndOddRanks(final int ranks)
    {
        CollectiveSuite.assertArea(ranks, "intercomm");
    }

    static final class Area
    {
        private static final int TAG = 77;

        static void run(final Comm world)
        {
            final int rank = world.rank();
            final int color = rank % 2;
            final Comm mine = world.split(color, rank);
            final Comm inter = mine.createIntercomm(0, world, 1 - color, TAG);
            final int localSize = mine.size();
            final int remoteSize = world.size() - localSize;
            check(inter.isInter() && !mine.isInter(), "isInter");
            check(inter.size() == localSize && inter.rank() == mine.rank(), "local size and rank");
            check(inter.remoteSize() == remoteSize, "remote size " + inter.remoteSize());
            check(Arrays.equals(worldRanksOf(inter.remoteGroup(), world), otherRanks(world.size(), color)),
                "remote group");

            pointToPoint(inter, world);
            collectives(inter, color, world.size());

            final Comm dup = inter.dup();
            check(dup.isInter() && dup.remoteSize() == remoteSize, "dup is an intercommunicator like it");
            pointToPoint(dup, world);
            dup.free();

            final Comm evensFirst = inter.merge(1 == color);
            check(evensFirst.size() == world.size(), "merged size");
            final int evens = (world.size() + 1) / 2;
            check(evensFirst.rank() == (0 == color ? rank / 2 : evens + rank / 2), "evens first: " +
                evensFirst.rank());
            final Comm oddsFirst = inter.merge(0 == color);
            check(oddsFirst.rank() == (1 == color ? rank / 2 : world.size() / 2 + rank / 2), "odds first: " +
                oddsFirst.rank());
            final Comm sameHigh = inter.merge(true);
            check(sameHigh.rank() == evensFirst.rank(), "the group of world rank 0 first when both say the same");
            final long[] sum = new long[1];
            evensFirst.allreduce(new long[]{ rank }, 0, sum, 0, 1, Op.SUM);
            check(sum[0] == (long)world.size() * (world.size() - 1) / 2, "the merged communicator works");

            wrongKinds(world, mine, inter);
            inter.free();
        }

        private static void pointToPoint(final Comm inter, final Comm world)
        {
            final int worldRank = world.rank();
            final int[] remoteRanks = worldRanksOf(inter.remoteGroup(), world);
            final int me = inter.rank();
            for (int r = 0; r < inter.remoteSize(); r++)
            {
                inter.send(new int[]{ worldRank, me }, 0, 2, r, TAG);
            }
            final boolean[] heard = new boolean[inter.remoteSize()];
            final int[] message = new int[2];
            for (int i = 0; i < inter.remoteSize(); i++)
            {
                final Status status = inter.recv(message, 0, 2, Mpi.ANY_SOURCE, TAG);
                check(status.source() == message[1] && !heard[message[1]], "source is the remote rank " +
                    status.source() + " of world rank " + message[0]);
                check(remoteRanks[status.source()] == message[0], "remote rank's world rank");
                heard[status.source()] = true;
            }
        }

        private static void collectives(final Comm inter, final int color, final int worldSize)
        {
            final int me = inter.rank();
            final int[] local = otherRanks(worldSize, 1 - color);
            final int[] remote = otherRanks(worldSize, color);
            inter.barrier();

            final int[] value = { 0 == color && 0 == me ? 4242 : -1 };
            inter.bcast(value, 0, 1, 0 == color ? (0 == me ? Mpi.ROOT : Mpi.PROC_NULL) : 0);
            check((0 == color && 0 != me ? -1 : 4242) == value[0], "bcast from the evens' rank 0: " + value[0]);

            final long[] reduced = { -1 };
            final int oddsLast = (1 == color ? local.length : remote.length) - 1;
            inter.reduce(new long[]{ local[me] }, 0, reduced, 0, 1, Op.SUM,
                1 == color ? (oddsLast == me ? Mpi.ROOT : Mpi.PROC_NULL) : oddsLast);
            check((1 == color && oddsLast == me ? sum(remote) : -1) == reduced[0], "reduce to the odds' last rank");

            final long[] both = new long[1];
            inter.allreduce(new long[]{ local[me] }, 0, both, 0, 1, Op.SUM);
            check(sum(remote) == both[0], "allreduce gives the other group's sum " + both[0]);

            final int[] gathered = new int[remote.length];
            inter.allgather(new int[]{ local[me] }, 0, 1, gathered, 0, 1);
            check(Arrays.equals(remote, gathered), "allgather gives the other group's blocks " +
                Arrays.toString(gathered));

            final int[] atRoot = new int[2 * remote.length];
            inter.gather(new int[]{ local[me], -local[me] }, 0, 2, atRoot, 0, 2,
                0 == color ? (0 == me ? Mpi.ROOT : Mpi.PROC_NULL) : 0);
            if (0 == color && 0 == me)
            {
                for (int r = 0; r < remote.length; r++)
                {
                    check(atRoot[2 * r] == remote[r] && atRoot[2 * r + 1] == -remote[r], "gather block " + r);
                }
            }

            final int[] scattered = { -1 };
            final int[] toScatter = new int[remote.length];
            Arrays.setAll(toScatter, r -> 100 + r);
            inter.scatter(toScatter, 0, 1, scattered, 0, 1, 1 == color ? (0 == me ? Mpi.ROOT : Mpi.PROC_NULL) : 0);
            check((0 == color ? 100 + me : -1) == scattered[0], "scatter from the odds' rank 0: " + scattered[0]);

            final int[] out = new int[remote.length];
            Arrays.setAll(out, r -> 1000 * local[me] + remote[r]);
            final int[] in = new int[remote.length];
            inter.alltoall(out, 0, 1, in, 0, 1);
            for (int r = 0; r < remote.length; r++)
            {
                check(in[r] == 1000 * remote[r] + local[me], "alltoall block from remote rank " + r);
            }
        }

        private static void wrongKinds(final Comm world, final Comm mine, final Comm inter)
        {
            expect(ErrorClass.ERR_COMM, () -> inter.split(0, 0));
            expect(ErrorClass.ERR_COMM, () -> inter.scan(new int[1], 0, new int[1], 0, 1, Op.SUM));
            expect(ErrorClass.ERR_COMM, () -> inter.createIntercomm(0, world, 0, TAG));
            expect(ErrorClass.ERR_COMM, mine::remoteSize);
            expect(ErrorClass.ERR_COMM, () -> mine.merge(false));
            expect(ErrorClass.ERR_ROOT, () -> inter.bcast(new int[1], 0, 1, inter.remoteSize()));
            expect(ErrorClass.ERR_ARG, () -> world.createIntercomm(0, world, 0, TAG));
        }

        private static void expect(final ErrorClass error, final Runnable call)
        {
            try
            {
                call.run();
            }
            catch (final MpiException ex)
            {
                check(error == ex.errorClass(), "expected " + error + " but got " + ex.getMessage());
                return;
            }
            throw new AssertionError("expected " + error);
        }

        private static int[] worldRanksOf(final Group group, final Comm world)
        {
            final int[] ranks = new int[group.size()];
            Arrays.setAll(ranks, i -> i);
            return group.translateRanks(ranks, world.group());
        }

        /**
         * @return the world ranks of the other parity than {@code color}, in order.
         */
        private static int[] otherRanks(final int worldSize, final int color)
        {
            final int[] ranks = new int[(worldSize + color) / 2];
            for (int i = 0; i < ranks.length; i++)
            {
                ranks[i] = 2 * i + 1 - color;
            }
            return ranks;
        }

        private static long sum(final int[] values)
        {
            long total = 0;
            for (final int value : values)
            {
                total += value;
            }
            return total;
        }
    }
}
