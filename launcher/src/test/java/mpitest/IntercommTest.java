package mpitest;

import io.jmpi.launcher.JobRunner;
import mpi.Intercomm;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Intercommunicators of the mpiJava API, as MPJ Express programs make them: Create_intercomm on the peer
 * communicator, point-to-point between the groups, Remote_size and Remote_group, Dup, and Merge.
 */
class IntercommTest
{
    @Test
    void intercommunicatorOnFiveRanks()
    {
        assertEquals(List.of("ok"), JobRunner.run(5, Program.class).assertSuccess().linesOfRank(0));
    }

    public static final class Program
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Intracomm world = MPI.COMM_WORLD;
            final int rank = world.Rank();
            final int size = world.Size();
            final boolean low = rank < 2;
            final Intracomm half = world.Split(low ? 0 : 1, rank);
            final Intercomm inter = world.Create_intercomm(half, 0, low ? 2 : 0, 5);
            Check.that(inter.Test_inter() && !half.Test_inter(), "Test_inter");
            Check.equal(half.Size(), inter.Size(), "Size is the local group's");
            Check.equal(half.Rank(), inter.Rank(), "Rank is in the local group");
            Check.equal(low ? size - 2 : 2, inter.Remote_size(), "Remote_size");
            Check.equal(low ? size - 2 : 2, inter.Remote_group().Size(), "Remote_group");

            exchange(inter, rank);
            final Intercomm dup = inter.Dup();
            exchange(dup, rank);

            final Intracomm merged = inter.Merge(low);
            Check.equal(low ? size - 2 + rank : rank - 2, merged.Rank(), "the high group comes second");
            final int[] sum = new int[1];
            merged.Allreduce(new int[]{ rank }, 0, sum, 0, 1, MPI.INT, MPI.SUM);
            Check.equal(size * (size - 1) / 2, sum[0], "Allreduce on the merged communicator");
            try
            {
                inter.Send(new int[1], 0, 1, MPI.INT, inter.Remote_size(), 0);
                Check.fail("a send past the remote group");
            }
            catch (final MPIException expected)
            {
                Check.equal(6, expected.getErrorClass(), "ERR_RANK past the remote group");
            }

            world.Barrier();
            MPI.Finalize();
            if (0 == rank)
            {
                System.out.println("ok");
            }
        }

        /**
         * Every process sends its world rank to each remote process, and receives one from each with ANY_SOURCE.
         */
        private static void exchange(final Intercomm inter, final int rank) throws MPIException
        {
            for (int r = 0; r < inter.Remote_size(); r++)
            {
                inter.Send(new int[]{ rank }, 0, 1, MPI.INT, r, 9);
            }
            int seen = 0;
            for (int i = 0; i < inter.Remote_size(); i++)
            {
                final int[] in = new int[1];
                final Status status = inter.Recv(in, 0, 1, MPI.INT, MPI.ANY_SOURCE, 9);
                final int expected = rank < 2 ? 2 + status.source : status.source;
                Check.equal(expected, in[0], "the world rank of remote rank " + status.source);
                seen |= 1 << status.source;
            }
            Check.equal((1 << inter.Remote_size()) - 1, seen, "one message from every remote process");
        }
    }
}
