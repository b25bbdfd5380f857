package mpitest;

import io.jmpi.launcher.JobRunner;
import mpi.Datatype;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Prequest;
import mpi.Request;
import mpi.Status;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Derived datatypes: the constructors with their sizes, extents and bounds, MPI.LB and MPI.UB, and sends and
 * receives of derived types in every form, including partial receives, objects and packing.
 */
class DatatypesTest
{
    @Test
    void derivedDatatypes()
    {
        assertEquals(List.of("ok"), JobRunner.run(2, Datatypes.class).assertSuccess().linesOfRank(1));
    }

    public static final class Datatypes
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Intracomm world = MPI.COMM_WORLD;
            final int rank = world.Rank();
            final int peer = 1 - rank;

            constructors();
            pointToPoint(world, rank, peer);
            partial(world, rank, peer);
            nonBlocking(world, rank, peer);
            objectsAndPacking(world, rank, peer);

            world.Barrier();
            MPI.Finalize();
            System.out.println("ok");
        }

        private static void shape(final Datatype type, final int size, final int lb, final int ub, final String what)
            throws MPIException
        {
            Check.equal(new int[]{ size, lb, ub, ub - lb },
                new int[]{ type.Size(), type.Lb(), type.Ub(), type.Extent() }, "size, lb, ub and extent of " + what);
        }

        private static void constructors() throws Exception
        {
            shape(MPI.DOUBLE, 1, 0, 1, "a basic type");
            shape(MPI.INT2, 2, 0, 2, "INT2");
            shape(Datatype.Contiguous(3, MPI.INT), 3, 0, 3, "Contiguous");
            shape(Datatype.Vector(3, 2, 4, MPI.INT), 6, 0, 10, "Vector");
            shape(Datatype.Vector(2, 1, 2, Datatype.Contiguous(2, MPI.INT)), 4, 0, 6, "Vector of Contiguous");
            shape(Datatype.Hvector(3, 2, 5, MPI.INT), 6, 0, 12, "Hvector");
            shape(Datatype.Hvector(2, 1, 5, Datatype.Contiguous(2, MPI.INT)), 4, 0, 7, "Hvector of Contiguous");
            shape(Datatype.Indexed(new int[]{ 2, 1 }, new int[]{ 0, 5 }, MPI.INT), 3, 0, 6, "Indexed");
            shape(Datatype.Indexed(new int[]{ 1, 1 }, new int[]{ 1, 3 }, Datatype.Contiguous(2, MPI.INT)), 4, 2, 8,
                "Indexed of Contiguous");
            shape(Datatype.Hindexed(new int[]{ 2, 1 }, new int[]{ 1, 6 }, MPI.DOUBLE), 3, 1, 7, "Hindexed");
            shape(Datatype.Struct(new int[]{ 1, 2 }, new int[]{ 0, 3 },
                new Datatype[]{ MPI.INT, Datatype.Contiguous(2, MPI.INT) }), 5, 0, 7, "Struct");
            shape(Datatype.Struct(new int[]{ 1, 1, 1 }, new int[]{ -2, 0, 4 },
                new Datatype[]{ MPI.LB, MPI.INT, MPI.UB }), 1, -2, 4, "Struct with LB and UB");
            shape(Datatype.Contiguous(0, MPI.INT), 0, 0, 0, "an empty type");
            try
            {
                Datatype.Struct(new int[]{ 1, 1 }, new int[]{ 0, 1 }, new Datatype[]{ MPI.INT, MPI.DOUBLE });
                Check.fail("a Struct of two base types");
            }
            catch (final MPIException expected)
            {
                Check.equal(3, expected.getErrorClass(), "Struct of two base types (MPI_ERR_TYPE)");
            }
            try
            {
                MPI.INT.Free();
                Check.fail("freeing a predefined type");
            }
            catch (final MPIException expected)
            {
                Check.equal(3, expected.getErrorClass(), "freeing a predefined type");
            }
            final Datatype freed = Datatype.Vector(2, 1, 2, MPI.INT);
            freed.Free();
            try
            {
                MPI.COMM_WORLD.Send(new int[4], 0, 1, freed, MPI.PROC_NULL, 0);
                Check.fail("sending with a freed type");
            }
            catch (final MPIException expected)
            {
                Check.equal(3, expected.getErrorClass(), "sending with a freed type");
            }
            try
            {
                Datatype.Vector(-1, 1, 1, MPI.INT);
                Check.fail("a negative count");
            }
            catch (final MPIException expected)
            {
                Check.equal(2, expected.getErrorClass(), "a negative count (MPI_ERR_COUNT)");
            }
        }

        private static void pointToPoint(final Intracomm world, final int rank, final int peer) throws Exception
        {
            final Datatype column = Datatype.Vector(4, 1, 4, MPI.INT);
            column.Commit();
            final int[] matrix = new int[16];
            for (int i = 0; i < 16; i++)
            {
                matrix[i] = 100 * rank + i;
            }
            final int[] contiguous = new int[4];
            final Status status = world.Sendrecv(matrix, 1, 1, column, peer, 1, contiguous, 0, 4, MPI.INT, peer, 1);
            Check.equal(new int[]{ 100 * peer + 1, 100 * peer + 5, 100 * peer + 9, 100 * peer + 13 }, contiguous,
                "a column received as contiguous ints");
            Check.equal(4, status.Get_count(MPI.INT), "count of the column in ints");
            Check.equal(1, status.Get_count(column), "count of the column in columns");
            Check.equal(4, status.Get_elements(column), "elements of the column");

            final Datatype columns = Datatype.Struct(new int[]{ 1, 1 }, new int[]{ 0, 1 },
                new Datatype[]{ column, MPI.UB });
            shape(column, 4, 0, 13, "a column of a 4x4 matrix");
            shape(columns, 4, 0, 1, "a column resized to follow the next one");
            final int[] into = new int[16];
            if (0 == rank)
            {
                world.Send(new int[]{ 7, 8, 9, 10, 11, 12, 13, 14 }, 0, 8, MPI.INT, peer, 2);
                world.Ssend(matrix, 0, 4, columns, peer, 3);
            }
            else
            {
                world.Recv(into, 0, 2, columns, peer, 2);
                Check.equal(new int[]{ 7, 8, 9, 10 }, new int[]{ into[0], into[4], into[8], into[12] },
                    "contiguous ints received into two columns, first column");
                Check.equal(new int[]{ 11, 12, 13, 14 }, new int[]{ into[1], into[5], into[9], into[13] },
                    "second column");
                Check.equal(0, into[2], "elements outside the columns are untouched");
                final int[] transposed = new int[16];
                final Datatype rows = Datatype.Contiguous(4, MPI.INT);
                world.Recv(transposed, 0, 4, rows, peer, 3);
                for (int i = 0; i < 4; i++)
                {
                    for (int j = 0; j < 4; j++)
                    {
                        Check.equal(100 * peer + 4 * i + j, transposed[4 * j + i], "transpose " + i + "," + j);
                    }
                }
            }

            final Datatype strided = Datatype.Hvector(3, 2, 5, MPI.DOUBLE);
            final double[] values = new double[20];
            for (int i = 0; i < 20; i++)
            {
                values[i] = rank + i / 10.0;
            }
            world.Sendrecv_replace(values, 2, 1, strided, peer, 4, peer, 4);
            Check.equal(peer + 0.2, values[2], "Sendrecv_replace of an Hvector, first block");
            Check.equal(peer + 1.3, values[13], "Sendrecv_replace of an Hvector, last block");
            Check.equal(rank + 0.4, values[4], "Sendrecv_replace leaves the gaps");

            final Datatype padded = Datatype.Struct(new int[]{ 1, 2, 1 }, new int[]{ -1, 0, 3 },
                new Datatype[]{ MPI.LB, MPI.SHORT, MPI.UB });
            final short[] shorts = new short[12];
            for (int i = 0; i < 12; i++)
            {
                shorts[i] = (short)(rank * 50 + i);
            }
            final short[] received = new short[12];
            world.Sendrecv(shorts, 1, 3, padded, peer, 5, received, 1, 3, padded, peer, 5);
            for (int item = 0; item < 3; item++)
            {
                Check.equal(peer * 50 + 1 + 4 * item, received[1 + 4 * item], "padded Struct item " + item);
                Check.equal(peer * 50 + 2 + 4 * item, received[2 + 4 * item], "padded Struct item " + item + " second");
                Check.equal(0, received[3 + 4 * item], "padded Struct gap " + item);
            }

            MPI.Buffer_attach(new byte[200]);
            world.Bsend(matrix, 3, 1, column, peer, 6);
            world.Recv(contiguous, 0, 4, MPI.INT, peer, 6);
            Check.equal(100 * peer + 15, contiguous[3], "Bsend of a column");
            MPI.Buffer_detach();
        }

        private static void partial(final Intracomm world, final int rank, final int peer) throws Exception
        {
            final Datatype quad = Datatype.Contiguous(4, MPI.INT);
            final Datatype spread = Datatype.Vector(2, 2, 3, MPI.INT);
            if (0 == rank)
            {
                world.Send(new int[]{ 1, 2, 3, 4, 5, 6 }, 0, 6, MPI.INT, peer, 10);
                world.Send(new int[]{ 1, 2, 3, 4, 5, 6 }, 0, 6, MPI.INT, peer, 11);
            }
            else
            {
                final int[] in = new int[8];
                final Status status = world.Recv(in, 0, 2, quad, peer, 10);
                Check.equal(MPI.UNDEFINED, status.Get_count(quad), "six ints are no whole number of quads");
                Check.equal(6, status.Get_elements(quad), "six ints received");
                Check.equal(new int[]{ 1, 2, 3, 4, 5, 6, 0, 0 }, in, "partial receive of quads");
                final int[] gaps = new int[10];
                final Status spreadStatus = world.Recv(gaps, 0, 2, spread, peer, 11);
                Check.equal(new int[]{ 1, 2, 0, 3, 4, 5, 6, 0, 0, 0 }, gaps, "partial receive of a vector");
                Check.equal(MPI.UNDEFINED, spreadStatus.Get_count(spread), "1.5 vectors received");
            }
        }

        private static void nonBlocking(final Intracomm world, final int rank, final int peer) throws Exception
        {
            final Datatype corners = Datatype.Indexed(new int[]{ 1, 1, 1, 1 }, new int[]{ 0, 3, 12, 15 }, MPI.LONG);
            final long[] out = new long[16];
            for (int i = 0; i < 16; i++)
            {
                out[i] = 1000L * rank + i;
            }
            final long[] in = new long[32];
            final Request recv = world.Irecv(in, 0, 2, corners, peer, 20);
            final Request send = world.Isend(out, 0, 1, corners, peer, 20);
            Arrays.fill(out, -1);
            Request.Waitall(new Request[]{ send, recv });
            Check.equal(new long[]{ 1000L * peer, 1000L * peer + 3, 1000L * peer + 12, 1000L * peer + 15 },
                new long[]{ in[0], in[3], in[12], in[15] }, "Isend packs at once; Irecv unpacks on completion");
            Check.equal(0L, in[16], "the second item was not sent");

            final float[] row = new float[8];
            final float[] got = new float[8];
            final Datatype pairs = Datatype.Vector(2, 1, 4, MPI.FLOAT);
            final Prequest send2 = world.Send_init(row, 1, 1, pairs, peer, 21);
            final Prequest recv2 = world.Recv_init(got, 0, 1, pairs, peer, 21);
            for (int round = 0; round < 3; round++)
            {
                row[1] = rank + round;
                row[5] = -(rank + round);
                Prequest.Startall(new Prequest[]{ recv2, send2 });
                Request.Waitall(new Request[]{ recv2, send2 });
                Check.equal(new float[]{ peer + round, 0, 0, 0, -(peer + round), 0, 0, 0 }, got,
                    "persistent send of a vector, round " + round);
            }
        }

        private static void objectsAndPacking(final Intracomm world, final int rank, final int peer) throws Exception
        {
            final Datatype everyOther = Datatype.Vector(3, 1, 2, MPI.OBJECT);
            final Object[] out = { "a" + rank, "x", "b" + rank, "y", "c" + rank, "z" };
            final Object[] in = new Object[6];
            world.Sendrecv(out, 0, 1, everyOther, peer, 30, in, 0, 1, everyOther, peer, 30);
            Check.equal(new Object[]{ "a" + peer, null, "b" + peer, null, "c" + peer, null }, in,
                "a vector of objects");

            final Datatype column = Datatype.Struct(new int[]{ 1, 1 }, new int[]{ 0, 1 },
                new Datatype[]{ Datatype.Vector(3, 1, 3, MPI.DOUBLE), MPI.UB });
            final double[] grid = new double[9];
            for (int i = 0; i < 9; i++)
            {
                grid[i] = 10 * rank + i;
            }
            final byte[] packed = new byte[world.Pack_size(2, column) + 100];
            Check.equal(48, world.Pack_size(2, column), "Pack_size of two columns of doubles");
            int position = world.Pack(grid, 0, 2, column, packed, 0);
            position = world.Pack(out, 0, 1, everyOther, packed, position);
            final byte[] received = new byte[packed.length];
            final Status status = world.Sendrecv(packed, 0, position, MPI.PACKED, peer, 31,
                received, 0, received.length, MPI.PACKED, peer, 31);
            final double[] unpacked = new double[9];
            int at = world.Unpack(received, 0, unpacked, 0, 2, column);
            at = world.Unpack(received, at, in, 0, 1, everyOther);
            Check.equal(status.Get_count(MPI.PACKED), at, "Unpack ends where the sender's Pack ended");
            Check.equal(new double[]{ 10 * peer, 10 * peer + 1, 0, 10 * peer + 3, 10 * peer + 4, 0,
                10 * peer + 6, 10 * peer + 7, 0 }, unpacked, "two columns packed and unpacked");
            Check.equal("c" + peer, in[4], "objects packed through a vector");
        }
    }
}
