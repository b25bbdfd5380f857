package ompitest;

import io.jmpi.launcher.JobRunner;
import mpi.Comm;
import mpi.Datatype;
import mpi.MPI;
import mpi.MPIException;
import mpi.Status;
import mpi.Struct;
import mpitest.Check;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Derived datatypes of Open MPI's Java API: their bounds and sizes in base elements, and their data moved by
 * point-to-point calls and collectives from arrays and direct buffers.
 */
class DatatypesTest
{
    @Test
    void derivedTypesOnThreeRanks()
    {
        assertEquals(List.of("ok"), JobRunner.run(3, Derived.class).assertSuccess().linesOfRank(1));
    }

    /**
     * A struct of an int, a double and a short; the double aligned as C aligns it with setOffset, the short right
     * after it, as Open MPI's Struct places fields.
     */
    static final class Record extends Struct
    {
        final int number = addInt();
        final int weight = setOffset(8).addDouble();
        final int small = addShort();

        @Override
        protected Data newData()
        {
            return new Data();
        }

        /**
         * One record of a buffer.
         */
        final class Data extends Struct.Data
        {
            int number()
            {
                return getInt(number);
            }

            double weight()
            {
                return getDouble(weight);
            }

            short small()
            {
                return getShort(small);
            }

            void put(final int n, final double w, final short s)
            {
                putInt(number, n);
                putDouble(weight, w);
                putShort(small, s);
            }
        }
    }

    /**
     * Builds derived types, checks their geometry and moves data with them.
     */
    public static final class Derived
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Comm world = MPI.COMM_WORLD;
            final int rank = world.getRank();
            final int size = world.getSize();
            final int next = (rank + 1) % size;
            final int prev = (rank + size - 1) % size;

            final Datatype vector = Datatype.createVector(3, 2, 4, MPI.INT);
            vector.commit();
            Check.equal(10, vector.getExtent(), "extent of vector(3, 2, 4)");
            Check.equal(6, vector.getSize(), "size of vector(3, 2, 4)");
            Check.equal(0, vector.getLb(), "lb of vector");
            Check.equal(10, vector.getTrueExtent(), "true extent of vector");
            vector.setName("columns");
            Check.equal("columns", vector.getName(), "name of a type");
            Check.equal("MPI_INT", MPI.INT.getName(), "name of MPI.INT");

            final int[] grid = new int[12];
            for (int i = 0; i < grid.length; i++)
            {
                grid[i] = rank * 100 + i;
            }
            final int[] in = new int[12];
            final Status status = world.sendRecv(grid, 1, vector, next, 1, in, 1, vector, prev, 1);
            Check.equal(1, status.getCount(vector), "count of one vector");
            Check.equal(6, status.getElements(vector), "elements of one vector");
            final int[] expected = new int[12];
            for (final int i : new int[]{ 0, 1, 4, 5, 8, 9 })
            {
                expected[i] = prev * 100 + i;
            }
            Check.equal(expected, in, "vector received into an array");

            final int[] packed = new int[6];
            world.sendRecv(grid, 1, vector, next, 2, packed, 6, MPI.INT, prev, 2);
            Check.equal(new int[]{ prev * 100, prev * 100 + 1, prev * 100 + 4, prev * 100 + 5, prev * 100 + 8,
                prev * 100 + 9 }, packed, "vector received as contiguous ints");

            final IntBuffer direct = MPI.newIntBuffer(12);
            for (int i = 0; i < 12; i++)
            {
                direct.put(i, rank * 100 + i);
            }
            final IntBuffer directIn = MPI.newIntBuffer(12);
            world.sendRecv(direct, 1, vector, next, 3, directIn, 1, vector, prev, 3);
            for (int i = 0; i < 12; i++)
            {
                Check.equal(expected[i], directIn.get(i), "vector in a direct buffer, element " + i);
            }

            final IntBuffer nonBlockingIn = MPI.newIntBuffer(12);
            final mpi.Request received = world.iRecv(nonBlockingIn, 1, vector, prev, 30);
            world.iSend(direct, 1, vector, next, 30).waitFor();
            received.waitFor();
            final mpi.Prequest persistentIn = world.recvInit(MPI.newIntBuffer(12), 1, vector, prev, 31);
            for (int i = 0; i < 12; i++)
            {
                Check.equal(expected[i], nonBlockingIn.get(i), "vector received by iRecv, element " + i);
            }
            final IntBuffer persistentBuffer = MPI.newIntBuffer(12);
            final mpi.Prequest persistent = world.recvInit(persistentBuffer, 1, vector, prev, 32);
            persistent.start();
            world.sendInit(direct, 1, vector, next, 32).start();
            persistent.waitFor();
            Check.equal(expected[9], persistentBuffer.get(9), "vector received by a persistent receive");
            Check.equal(0, persistentBuffer.get(2), "a persistent receive leaves the gaps");
            persistentIn.free();

            final Datatype indexed = Datatype.createIndexed(new int[]{ 1, 3 }, new int[]{ 5, 0 }, MPI.DOUBLE);
            Check.equal(4, indexed.getSize(), "size of indexed");
            Check.equal(6, indexed.getExtent(), "extent of indexed");
            final double[] doubles = { rank, rank + 0.1, rank + 0.2, -1, -1, rank + 0.5 };
            final double[] doublesIn = new double[6];
            world.sendRecv(doubles, 1, indexed, next, 4, doublesIn, 1, indexed, prev, 4);
            Check.equal(new double[]{ prev, prev + 0.1, prev + 0.2, 0, 0, prev + 0.5 }, doublesIn, "indexed");

            final Datatype block = Datatype.createIndexedBlock(2, new int[]{ 4, 0 }, MPI.SHORT);
            Check.equal(4, block.getSize(), "size of indexed block");
            final Datatype hvector = Datatype.createHVector(2, 1, 12, MPI.INT);
            Check.equal(4, hvector.getExtent(), "extent of hvector with a 12-byte stride");
            final Datatype hindexed = Datatype.createHIndexed(new int[]{ 2, 1 }, new int[]{ 0, 16 }, MPI.INT);
            Check.equal(5, hindexed.getExtent(), "extent of hindexed");
            final int[] hin = new int[5];
            world.sendRecv(new int[]{ rank, rank + 1, -7, -7, rank + 4 }, 1, hindexed, next, 5, hin, 1, hindexed,
                prev, 5);
            Check.equal(new int[]{ prev, prev + 1, 0, 0, prev + 4 }, hin, "hindexed");

            final Datatype resized = Datatype.createResized(Datatype.createContiguous(2, MPI.INT), 0, 12);
            Check.equal(3, resized.getExtent(), "extent of a resized pair of ints");
            Check.equal(2, resized.getSize(), "size of a resized pair of ints");
            final int[] every = new int[9];
            final int[] everyIn = new int[9];
            for (int i = 0; i < 9; i++)
            {
                every[i] = rank * 10 + i;
            }
            world.sendRecv(every, 3, resized, next, 6, everyIn, 3, resized, prev, 6);
            Check.equal(new int[]{ prev * 10, prev * 10 + 1, 0, prev * 10 + 3, prev * 10 + 4, 0, prev * 10 + 6,
                prev * 10 + 7, 0 }, everyIn, "three resized items");

            final Datatype shifted = Datatype.createIndexed(new int[]{ 2 }, new int[]{ 3 }, MPI.INT);
            Check.equal(3, shifted.getTrueLb(), "true lower bound of an indexed type");
            Check.equal(2, shifted.getTrueExtent(), "true extent of an indexed type");
            Check.equal(3, shifted.getLb(), "lower bound of an indexed type: its first block");
            Check.equal(0, Datatype.createResized(shifted, 0, 20).getLb(), "lower bound of a resized type");
            final int typeKeyval = Datatype.createKeyval();
            vector.setAttr(typeKeyval, "grid columns");
            Check.equal("grid columns", vector.getAttr(typeKeyval), "attribute of a type");
            Check.equal("grid columns", vector.dup().getAttr(typeKeyval), "attribute copied by a type's dup");
            vector.deleteAttr(typeKeyval);
            Check.that(null == vector.getAttr(typeKeyval), "deleted attribute of a type");
            Datatype.freeKeyval(typeKeyval);

            final Datatype copy = vector.dup();
            Check.equal(vector.getExtent(), copy.getExtent(), "extent of a dup");
            copy.free();
            Check.that(copy.isNull(), "a freed type is null");
            world.setErrhandler(MPI.ERRORS_RETURN);
            try
            {
                world.send(grid, 1, copy, next, 7);
                Check.fail("a send with a freed type succeeded");
            }
            catch (final MPIException ex)
            {
                Check.equal(MPI.ERR_TYPE, ex.getErrorClass(), "error class of a freed type");
            }
            try
            {
                world.send(new double[4], 4, MPI.INT, next, 7);
                Check.fail("a send of a double array as ints succeeded");
            }
            catch (final MPIException ex)
            {
                Check.equal(MPI.ERR_TYPE, ex.getErrorClass(), "error class of an array of another type");
            }
            world.setErrhandler(MPI.ERRORS_ARE_FATAL);

            final Record record = new Record();
            Check.equal(8, record.weight, "offset of a field after setOffset");
            Check.equal(16, record.small, "offset of a field right after the previous one");
            Check.equal(18, record.getExtent(), "extent of the record struct");
            final Datatype recordType = record.getType();
            Check.equal(18, recordType.getExtent(), "extent of the record type, in bytes");
            Check.equal(14, recordType.getSize(), "size of the record type, in bytes");
            final ByteBuffer records = MPI.newByteBuffer(2 * 18);
            final Record.Data first = record.getData(records, 0);
            first.put(rank, rank * 0.5, (short)(rank + 3));
            final Record.Data second = record.getData(records, 1);
            second.put(-rank, -rank * 0.5, (short)-rank);
            final ByteBuffer recordsIn = MPI.newByteBuffer(2 * 18);
            world.sendRecv(records, 2, recordType, next, 8, recordsIn, 2, recordType, prev, 8);
            final Record.Data got = record.getData(recordsIn, 1);
            Check.equal(-prev, got.number(), "struct int field");
            Check.equal(-prev * 0.5, got.weight(), "struct double field");
            Check.equal(-prev, got.small(), "struct short field");

            final int[] columns = new int[12];
            if (0 == rank)
            {
                System.arraycopy(grid, 0, columns, 0, 12);
            }
            world.bcast(columns, 1, vector, 0);
            Check.equal(0 == rank ? grid[8] : 8, columns[8], "bcast of a vector, kept element");
            Check.equal(0 == rank ? grid[2] : 0, columns[2], "bcast of a vector, gap untouched");
            final int[] gatheredColumns = new int[6 * size];
            world.allGather(grid, 1, vector, gatheredColumns, 6, MPI.INT);
            for (int r = 0; r < size; r++)
            {
                Check.equal(r * 100 + 9, gatheredColumns[6 * r + 5], "allGather of a vector from rank " + r);
            }
            final int[] sums = new int[12];
            world.allReduce(grid, sums, 1, vector, MPI.SUM);
            Check.equal(100 * size * (size - 1) / 2 + 5 * size, sums[5], "allReduce over a vector");
            Check.equal(0, sums[2], "allReduce over a vector leaves the gaps");

            world.barrier();
            System.out.println("ok");
            MPI.Finalize();
        }
    }
}
