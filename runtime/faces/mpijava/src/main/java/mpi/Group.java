package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

import java.util.Arrays;

/**
 * An ordered set of processes (MPI_Group). Groups are values: the operations make new groups and need no
 * communication.
 */
public class Group
{
    final io.jmpi.Group group;

    Group(final io.jmpi.Group group)
    {
        this.group = group;
    }

    /**
     * MPI_Group_size.
     *
     * @return the number of processes in the group.
     */
    public int Size() throws MPIException
    {
        return group.size();
    }

    /**
     * MPI_Group_rank.
     *
     * @return this process's rank in the group, or {@link MPI#UNDEFINED} if it is not a member.
     */
    public int Rank() throws MPIException
    {
        return MPI.fromJmpi(group.rank());
    }

    /**
     * MPI_Group_free. Groups hold no resources; the group stays usable, as in MPJ Express.
     */
    public void Free() throws MPIException
    {
        // nothing to release: a group is an immutable list of ranks
    }

    /**
     * MPI_Group_translate_ranks.
     *
     * @param group1 the group the ranks belong to.
     * @param ranks1 ranks in group1.
     * @param group2 the group to translate into.
     * @return for each rank, the rank of the same process in group2, or {@link MPI#UNDEFINED}.
     * @throws MPIException ERR_RANK if a rank is not in group1.
     */
    public static int[] Translate_ranks(final Group group1, final int[] ranks1, final Group group2)
        throws MPIException
    {
        try
        {
            final int[] ranks2 = group1.group.translateRanks(ranks1, group2.group);
            for (int i = 0; i < ranks2.length; i++)
            {
                ranks2[i] = MPI.fromJmpi(ranks2[i]);
            }
            return ranks2;
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
     * @return {@link MPI#IDENT} (same members, same order), {@link MPI#SIMILAR} (same members) or
     * {@link MPI#UNEQUAL}.
     */
    public static int Compare(final Group group1, final Group group2) throws MPIException
    {
        final int result = group1.group.compare(group2.group);
        if (io.jmpi.Group.IDENT == result)
        {
            return MPI.IDENT;
        }
        return io.jmpi.Group.SIMILAR == result ? MPI.SIMILAR : MPI.UNEQUAL;
    }

    /**
     * MPI_Group_union: the members of group1, then those of group2 not in group1.
     *
     * @param group1 a group.
     * @param group2 another group.
     * @return the union.
     */
    public static Group Union(final Group group1, final Group group2) throws MPIException
    {
        return new Group(group1.group.union(group2.group));
    }

    /**
     * MPI_Group_intersection: the members of group1 that are in group2, in group1's order.
     *
     * @param group1 a group.
     * @param group2 another group.
     * @return the intersection.
     */
    public static Group Intersection(final Group group1, final Group group2) throws MPIException
    {
        return new Group(group1.group.intersection(group2.group));
    }

    /**
     * MPI_Group_difference: the members of group1 that are not in group2, in group1's order.
     *
     * @param group1 a group.
     * @param group2 another group.
     * @return the difference.
     */
    public static Group Difference(final Group group1, final Group group2) throws MPIException
    {
        return new Group(group1.group.difference(group2.group));
    }

    /**
     * MPI_Group_incl: the members at the given ranks, in that order.
     *
     * @param ranks distinct ranks of this group.
     * @return the new group.
     * @throws MPIException ERR_RANK if a rank is out of range or repeated.
     */
    public Group Incl(final int[] ranks) throws MPIException
    {
        try
        {
            return new Group(group.incl(ranks));
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * MPI_Group_excl: the members except those at the given ranks, in group order.
     *
     * @param ranks distinct ranks of this group.
     * @return the new group.
     * @throws MPIException ERR_RANK if a rank is out of range or repeated.
     */
    public Group Excl(final int[] ranks) throws MPIException
    {
        try
        {
            return new Group(group.excl(ranks));
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * MPI_Group_range_incl: the members at the ranks of the ranges, in order.
     *
     * @param ranges triplets {@code {first, last, stride}}: ranks first, first + stride, ... up to last.
     * @return the new group.
     * @throws MPIException ERR_ARG if a triplet is malformed; ERR_RANK if a rank is out of range or repeated.
     */
    public Group Range_incl(final int[][] ranges) throws MPIException
    {
        return Incl(expand(ranges));
    }

    /**
     * MPI_Group_range_excl: the members except those at the ranks of the ranges, in group order.
     *
     * @param ranges triplets {@code {first, last, stride}}.
     * @return the new group.
     * @throws MPIException ERR_ARG if a triplet is malformed; ERR_RANK if a rank is out of range or repeated.
     */
    public Group Range_excl(final int[][] ranges) throws MPIException
    {
        return Excl(expand(ranges));
    }

    private static int[] expand(final int[][] ranges) throws MPIException
    {
        int total = 0;
        for (final int[] range : ranges)
        {
            if (3 != range.length || 0 == range[2] || (range[1] != range[0] && range[1] > range[0] != range[2] > 0))
            {
                throw new MPIException(new MpiException(ErrorClass.ERR_ARG, "range " +
                    Arrays.toString(range) + " is not {first, last, stride} with last reachable"));
            }
            total += (range[1] - range[0]) / range[2] + 1;
        }
        final int[] ranks = new int[total];
        int next = 0;
        for (final int[] range : ranges)
        {
            for (int rank = range[0]; range[2] > 0 ? rank <= range[1] : rank >= range[1]; rank += range[2])
            {
                ranks[next++] = rank;
            }
        }
        return ranks;
    }
}
