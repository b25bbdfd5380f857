package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

/**
 * A group of processes (MPI_Group): the members of a communicator, and the groups built from groups. Ranks in a
 * group run from 0 to its size minus one.
 */
public final class Group implements Freeable
{
    /** The runtime's group; null once freed. */
    io.jmpi.Group group;

    Group(final io.jmpi.Group group)
    {
        this.group = group;
    }

    /**
     * @return the number of members (MPI_Group_size).
     * @throws MPIException if the group is freed.
     */
    public int getSize() throws MPIException
    {
        return usable().size();
    }

    /**
     * @return this process's rank in the group, or {@link MPI#UNDEFINED} (MPI_Group_rank).
     * @throws MPIException if the group is freed.
     */
    public int getRank() throws MPIException
    {
        final int rank = usable().rank();
        return io.jmpi.Group.UNDEFINED == rank ? MPI.UNDEFINED : rank;
    }

    /**
     * MPI_Group_free: the group becomes MPI_GROUP_NULL; the empty group stays valid.
     *
     * @throws MPIException never; declared as in Open MPI.
     */
    @Override
    public void free() throws MPIException
    {
        if (this != MPI.GROUP_EMPTY)
        {
            group = null;
        }
    }

    /**
     * @return true if the group is freed (MPI_GROUP_NULL).
     */
    public boolean isNull()
    {
        return null == group;
    }

    /**
     * MPI_Group_translate_ranks.
     *
     * @param group1 a group.
     * @param ranks1 ranks in it.
     * @param group2 another group.
     * @return the ranks of the same processes in group2, {@link MPI#UNDEFINED} where they are not members.
     * @throws MPIException ERR_RANK for a rank not in group1.
     */
    public static int[] translateRanks(final Group group1, final int[] ranks1, final Group group2)
        throws MPIException
    {
        try
        {
            final int[] ranks = group1.usable().translateRanks(ranks1, group2.usable());
            for (int i = 0; i < ranks.length; i++)
            {
                ranks[i] = io.jmpi.Group.UNDEFINED == ranks[i] ? MPI.UNDEFINED : ranks[i];
            }
            return ranks;
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * MPI_Group_compare.
     *
     * @param group1 a group.
     * @param group2 another group.
     * @return {@link MPI#IDENT} for the same members in the same order, {@link MPI#SIMILAR} in another order,
     * else {@link MPI#UNEQUAL}.
     * @throws MPIException if a group is freed.
     */
    public static int compare(final Group group1, final Group group2) throws MPIException
    {
        return group1.usable().compare(group2.usable());
    }

    /**
     * MPI_Group_union: the members of group1, then those of group2 not in group1.
     *
     * @param group1 a group.
     * @param group2 another group.
     * @return the union.
     * @throws MPIException if a group is freed.
     */
    public static Group union(final Group group1, final Group group2) throws MPIException
    {
        return new Group(group1.usable().union(group2.usable()));
    }

    /**
     * MPI_Group_intersection: the members of group1 that are in group2, in group1's order.
     *
     * @param group1 a group.
     * @param group2 another group.
     * @return the intersection.
     * @throws MPIException if a group is freed.
     */
    public static Group intersection(final Group group1, final Group group2) throws MPIException
    {
        return new Group(group1.usable().intersection(group2.usable()));
    }

    /**
     * MPI_Group_difference: the members of group1 that are not in group2, in group1's order.
     *
     * @param group1 a group.
     * @param group2 another group.
     * @return the difference.
     * @throws MPIException if a group is freed.
     */
    public static Group difference(final Group group1, final Group group2) throws MPIException
    {
        return new Group(group1.usable().difference(group2.usable()));
    }

    /**
     * MPI_Group_incl.
     *
     * @param ranks distinct ranks of this group, in the order of the new group.
     * @return the new group.
     * @throws MPIException ERR_RANK for a rank out of range or repeated.
     */
    public Group incl(final int[] ranks) throws MPIException
    {
        try
        {
            return new Group(usable().incl(ranks));
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * MPI_Group_excl.
     *
     * @param ranks distinct ranks of this group to leave out.
     * @return the remaining members, in this group's order.
     * @throws MPIException ERR_RANK for a rank out of range or repeated.
     */
    public Group excl(final int[] ranks) throws MPIException
    {
        try
        {
            return new Group(usable().excl(ranks));
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * MPI_Group_range_incl.
     *
     * @param ranges triplets {first, last, stride}, each naming ranks first, first + stride, ... up to last.
     * @return the members at those ranks, in that order.
     * @throws MPIException ERR_ARG for a stride of 0 or a malformed triplet, ERR_RANK as {@link #incl}.
     */
    public Group rangeIncl(final int[][] ranges) throws MPIException
    {
        return incl(expand(ranges));
    }

    /**
     * MPI_Group_range_excl.
     *
     * @param ranges triplets {first, last, stride} of ranks to leave out.
     * @return the remaining members, in this group's order.
     * @throws MPIException ERR_ARG for a stride of 0 or a malformed triplet, ERR_RANK as {@link #excl}.
     */
    public Group rangeExcl(final int[][] ranges) throws MPIException
    {
        return excl(expand(ranges));
    }

    private static int[] expand(final int[][] ranges) throws MPIException
    {
        final org.agrona.collections.IntArrayList ranks = new org.agrona.collections.IntArrayList();
        for (final int[] range : ranges)
        {
            if (null == range || range.length < 3 || 0 == range[2])
            {
                throw MPIException.of(new MpiException(ErrorClass.ERR_ARG,
                    "a range is {first, last, stride} with a stride other than 0"));
            }
            for (int rank = range[0]; range[2] > 0 ? rank <= range[1] : rank >= range[1]; rank += range[2])
            {
                ranks.addInt(rank);
            }
        }
        return ranks.toIntArray();
    }

    private io.jmpi.Group usable() throws MPIException
    {
        if (null == group)
        {
            throw MPIException.of(new MpiException(ErrorClass.ERR_GROUP, "the group has been freed"));
        }
        return group;
    }
}
