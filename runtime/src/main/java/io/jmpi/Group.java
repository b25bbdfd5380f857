package io.jmpi;

import java.util.Arrays;

/**
 * An ordered set of processes (MPI_Group), named by their world ranks. Groups are immutable values; the
 * operations make new groups and need no communication.
 */
public final class Group
{
    /** Returned for a process that is not in a group (MPI_UNDEFINED). */
    public static final int UNDEFINED = -32766;
    /** {@link #compare}: same members in the same order (MPI_IDENT). */
    public static final int IDENT = 0;
    /** {@link #compare}: same members in another order (MPI_SIMILAR). */
    public static final int SIMILAR = 2;
    /** {@link #compare}: different members (MPI_UNEQUAL). */
    public static final int UNEQUAL = 3;
    /** The group with no members (MPI_GROUP_EMPTY). */
    public static final Group EMPTY = new Group(new int[0], -1);

    private final int[] worldRanks;
    private final int myWorldRank;

    Group(final int[] worldRanks, final int myWorldRank)
    {
        this.worldRanks = worldRanks;
        this.myWorldRank = myWorldRank;
    }

    /**
     * @return number of members (MPI_Group_size).
     */
    public int size()
    {
        return worldRanks.length;
    }

    /**
     * @return this process's rank in the group, or {@link #UNDEFINED} if it is not a member (MPI_Group_rank).
     */
    public int rank()
    {
        return indexOf(myWorldRank);
    }

    /**
     * @param rank rank in this group.
     * @return the world rank of that member.
     */
    int worldRank(final int rank)
    {
        return worldRanks[rank];
    }

    int[] worldRanks()
    {
        return worldRanks;
    }

    int myWorldRank()
    {
        return myWorldRank;
    }

    /**
     * The members at the given ranks, in that order (MPI_Group_incl).
     *
     * @param ranks distinct ranks of this group.
     * @return the new group.
     */
    public Group incl(final int... ranks)
    {
        final int[] members = new int[ranks.length];
        final boolean[] seen = new boolean[worldRanks.length];
        for (int i = 0; i < ranks.length; i++)
        {
            checkRank(ranks[i], seen);
            members[i] = worldRanks[ranks[i]];
        }
        return new Group(members, myWorldRank);
    }

    /**
     * The members except those at the given ranks, in group order (MPI_Group_excl).
     *
     * @param ranks distinct ranks of this group.
     * @return the new group.
     */
    public Group excl(final int... ranks)
    {
        final boolean[] excluded = new boolean[worldRanks.length];
        for (final int rank : ranks)
        {
            checkRank(rank, excluded);
        }
        final int[] members = new int[worldRanks.length - ranks.length];
        int next = 0;
        for (int i = 0; i < worldRanks.length; i++)
        {
            if (!excluded[i])
            {
                members[next++] = worldRanks[i];
            }
        }
        return new Group(members, myWorldRank);
    }

    /**
     * Members of this group, then members of the other that are not in this one (MPI_Group_union).
     *
     * @param other another group.
     * @return the union.
     */
    public Group union(final Group other)
    {
        final int[] members = Arrays.copyOf(worldRanks, worldRanks.length + other.worldRanks.length);
        int next = worldRanks.length;
        for (final int member : other.worldRanks)
        {
            if (indexOf(member) == UNDEFINED)
            {
                members[next++] = member;
            }
        }
        return new Group(Arrays.copyOf(members, next), myWorldRank);
    }

    /**
     * Members of this group that are also in the other, in this group's order (MPI_Group_intersection).
     *
     * @param other another group.
     * @return the intersection.
     */
    public Group intersection(final Group other)
    {
        return filter(other, true);
    }

    /**
     * Members of this group that are not in the other, in this group's order (MPI_Group_difference).
     *
     * @param other another group.
     * @return the difference.
     */
    public Group difference(final Group other)
    {
        return filter(other, false);
    }

    /**
     * The ranks in another group of the members at the given ranks of this one (MPI_Group_translate_ranks).
     *
     * @param ranks ranks in this group.
     * @param other the group to translate into.
     * @return for each rank, the rank of the same process in {@code other}, or {@link #UNDEFINED}.
     */
    public int[] translateRanks(final int[] ranks, final Group other)
    {
        final int[] translated = new int[ranks.length];
        for (int i = 0; i < ranks.length; i++)
        {
            checkRank(ranks[i], null);
            translated[i] = other.indexOf(worldRanks[ranks[i]]);
        }
        return translated;
    }

    /**
     * MPI_Group_compare.
     *
     * @param other another group.
     * @return {@link #IDENT}, {@link #SIMILAR} or {@link #UNEQUAL}.
     */
    public int compare(final Group other)
    {
        if (Arrays.equals(worldRanks, other.worldRanks))
        {
            return IDENT;
        }
        final int[] mine = worldRanks.clone();
        final int[] theirs = other.worldRanks.clone();
        Arrays.sort(mine);
        Arrays.sort(theirs);
        return Arrays.equals(mine, theirs) ? SIMILAR : UNEQUAL;
    }

    private Group filter(final Group other, final boolean keepCommon)
    {
        final int[] members = new int[worldRanks.length];
        int next = 0;
        for (final int member : worldRanks)
        {
            if ((other.indexOf(member) != UNDEFINED) == keepCommon)
            {
                members[next++] = member;
            }
        }
        return new Group(Arrays.copyOf(members, next), myWorldRank);
    }

    private int indexOf(final int worldRank)
    {
        for (int i = 0; i < worldRanks.length; i++)
        {
            if (worldRanks[i] == worldRank)
            {
                return i;
            }
        }
        return UNDEFINED;
    }

    private void checkRank(final int rank, final boolean[] seen)
    {
        if (rank < 0 || rank >= worldRanks.length)
        {
            throw new MpiException(ErrorClass.ERR_RANK, "rank " + rank + " is not in 0.." + (worldRanks.length - 1));
        }
        if (null != seen)
        {
            if (seen[rank])
            {
                throw new MpiException(ErrorClass.ERR_RANK, "rank " + rank + " appears twice");
            }
            seen[rank] = true;
        }
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "Group" + Arrays.toString(worldRanks);
    }
}
