package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

import java.util.Arrays;

/**
 * The per-rank blocks of a v-collective's buffer (Gatherv, Scatterv, Allgatherv, Alltoallv) as jmpi sees them:
 * counts and displacements in elements of the user's array when the datatype is contiguous, else of a compact
 * packed copy or staging array.
 */
final class Blocks
{
    /** The array jmpi reads or writes. */
    final Object array;
    /** The element displacements count from. */
    final int offset;
    /** Elements of each block. */
    final int[] counts;
    /** Start of each block, in elements from {@link #offset}. */
    final int[] displacements;

    private final Datatype stagedType;
    private final Object user;
    private final int userOffset;
    private final int[] userDisplacements;

    private Blocks(
        final Object array, final int offset, final int[] counts, final int[] displacements, final Datatype stagedType,
        final Object user, final int userOffset, final int[] userDisplacements)
    {
        this.array = array;
        this.offset = offset;
        this.counts = counts;
        this.displacements = displacements;
        this.stagedType = stagedType;
        this.user = user;
        this.userOffset = userOffset;
        this.userDisplacements = userDisplacements;
    }

    /**
     * @param buf           the user's array.
     * @param offset        index that displacements count from.
     * @param counts        items of each block.
     * @param displacements start of each block, in extents of the type.
     * @param type          the items' datatype.
     * @param size          the communicator's size.
     * @return the blocks to send.
     */
    static Blocks send(
        final Object buf, final int offset, final int[] counts, final int[] displacements, final Datatype type,
        final int size)
    {
        check(buf, offset, counts, displacements, type, size);
        final int[] elementCounts = scale(counts, type.size, size);
        if (type.contiguous)
        {
            return new Blocks(buf, offset, elementCounts, scale(displacements, type.size, size), null, null, 0, null);
        }
        final int[] packedDisplacements = prefixSums(elementCounts);
        final Object packed = type.base.newArray(total(elementCounts));
        for (int i = 0; i < size; i++)
        {
            type.pack(buf, offset + displacements[i] * type.extent(), counts[i], packed, packedDisplacements[i]);
        }
        return new Blocks(packed, 0, elementCounts, packedDisplacements, null, null, 0, null);
    }

    /**
     * @param buf           the user's array.
     * @param offset        index that displacements count from.
     * @param counts        items of each block.
     * @param displacements start of each block, in extents of the type.
     * @param type          the items' datatype.
     * @param size          the communicator's size.
     * @return where to receive the blocks; call {@link #unpack()} once they are in.
     */
    static Blocks receive(
        final Object buf, final int offset, final int[] counts, final int[] displacements, final Datatype type,
        final int size)
    {
        check(buf, offset, counts, displacements, type, size);
        final int[] elementCounts = scale(counts, type.size, size);
        if (type.contiguous)
        {
            return new Blocks(buf, offset, elementCounts, scale(displacements, type.size, size), null, null, 0, null);
        }
        final int[] packedDisplacements = prefixSums(elementCounts);
        return new Blocks(type.base.newArray(total(elementCounts)), 0, elementCounts, packedDisplacements, type, buf,
            offset, Arrays.copyOf(displacements, size));
    }

    /**
     * Copy staged blocks into their places in the user's array; nothing to do for a contiguous type.
     */
    void unpack()
    {
        if (null != stagedType)
        {
            for (int i = 0; i < counts.length; i++)
            {
                stagedType.unpack(array, displacements[i], counts[i], user,
                    userOffset + userDisplacements[i] * stagedType.extent());
            }
        }
    }

    /**
     * @param counts counts of the blocks.
     * @return where each block starts when the blocks lie one after another.
     */
    static int[] prefixSums(final int[] counts)
    {
        final int[] starts = new int[counts.length];
        for (int i = 1; i < counts.length; i++)
        {
            starts[i] = starts[i - 1] + counts[i - 1];
        }
        return starts;
    }

    /**
     * @param counts counts of the blocks.
     * @return their sum.
     */
    static int total(final int[] counts)
    {
        long sum = 0;
        for (final int count : counts)
        {
            sum += count;
        }
        if (sum > Integer.MAX_VALUE)
        {
            throw new MpiException(ErrorClass.ERR_COUNT, "blocks of " + sum + " elements exceed 2^31 - 1");
        }
        return (int)sum;
    }

    private static void check(
        final Object buf, final int offset, final int[] counts, final int[] displacements, final Datatype type,
        final int size)
    {
        // as MPI and MPJ Express, the first size entries count: longer arrays are fine
        if (null == counts || null == displacements || counts.length < size || displacements.length < size)
        {
            throw new MpiException(ErrorClass.ERR_ARG, "counts and displacements need one entry for each of the " +
                size + " ranks");
        }
        for (int i = 0; i < size; i++)
        {
            type.checkItems(buf, offset + displacements[i] * type.extent(), counts[i]);
        }
    }

    /**
     * @return the first {@code size} values, each times {@code factor}.
     */
    private static int[] scale(final int[] values, final int factor, final int size)
    {
        final int[] scaled = new int[size];
        for (int i = 0; i < size; i++)
        {
            scaled[i] = values[i] * factor;
        }
        return scaled;
    }
}
