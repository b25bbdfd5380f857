package io.jmpi;

import java.util.Arrays;

/**
 * Makes intercommunicators and what comes of them (MPI_Intercomm_create, dup, MPI_Intercomm_merge) by agreement
 * of the two groups through their leaders, rank 0 of each group but at creation.
 * <p>
 * Every member proposes the lowest context base it has not used; each leader takes its group's highest, the leaders
 * trade theirs and both take the higher, so the new contexts are fresh at every member of both groups. An
 * intercommunicator takes two bases: one for its own traffic between the groups, one for the private
 * intracommunicator of each group (the two groups' share the base: they have no member in common).
 */
final class Intercomms
{
    private static final int TAG = 3;

    private Intercomms()
    {
    }

    static Comm create(
        final Comm local, final int localLeader, final Comm peerComm, final int remoteLeader, final int tag)
    {
        if (localLeader < 0 || localLeader >= local.size())
        {
            throw new MpiException(ErrorClass.ERR_RANK,
                "local leader " + localLeader + " is not in 0.." + (local.size() - 1));
        }
        final boolean leader = local.rank() == localLeader;
        if (leader && (null == peerComm || remoteLeader < 0 || remoteLeader >= peerComm.size()))
        {
            throw new MpiException(ErrorClass.ERR_RANK, null == peerComm ? "the peer communicator is null" :
                "remote leader " + remoteLeader + " is not in 0.." + (peerComm.size() - 1) + " of " + peerComm);
        }
        if (leader && tag < 0)
        {
            throw new MpiException(ErrorClass.ERR_TAG, "tag " + tag + " is negative");
        }
        final Mpi mpi = local.mpi();
        final Comm management = local.management();
        final int[] mine = local.localRanks();

        int proposal = highestProposal(mpi, management, localLeader);
        final int[] agreement = new int[2 + mpi.world().size()];
        if (leader)
        {
            final int[] offer = new int[2 + mine.length];
            offer[0] = proposal;
            offer[1] = mine.length;
            System.arraycopy(mine, 0, offer, 2, mine.length);
            final int[] answer = new int[2 + mpi.world().size()];
            peerComm.sendrecv(offer, 0, offer.length, remoteLeader, tag, answer, 0, answer.length, remoteLeader, tag,
                new Status());
            proposal = Math.max(proposal, answer[0]);
            agreement[0] = proposal;
            agreement[1] = answer[1];
            System.arraycopy(answer, 2, agreement, 2, answer[1]);
            final int shared = shared(mine, Arrays.copyOfRange(answer, 2, 2 + answer[1]));
            final int length = shared >= 0 ? 3 : 2 + answer[1];
            if (shared >= 0)
            {
                agreement[1] = -1;
                agreement[2] = shared;
            }
            for (int r = 0; r < local.size(); r++)
            {
                if (r != localLeader)
                {
                    management.send(agreement, 0, length, r, TAG);
                }
            }
        }
        else
        {
            management.recv(agreement, 0, agreement.length, localLeader, TAG);
        }
        if (agreement[1] < 0)
        {
            // every member fails, not the leader only, so that none waits for a communicator that is not made
            throw new MpiException(ErrorClass.ERR_ARG, "world rank " + agreement[2] + " is in both groups of the " +
                "intercommunicator: they must be disjoint");
        }
        final int[] remote = Arrays.copyOfRange(agreement, 2, 2 + agreement[1]);
        return build(mpi, agreement[0], mine, remote);
    }

    static Comm dup(final Comm inter)
    {
        final Comm localComm = inter.localComm();
        final int base = agreeOnBase(inter, highestProposal(inter.mpi(), localComm.management(), 0));
        return build(inter.mpi(), base, inter.localRanks(), inter.peerRanks());
    }

    static Comm merge(final Comm inter, final boolean high)
    {
        final Mpi mpi = inter.mpi();
        final Comm localComm = inter.localComm();
        final Comm management = inter.management();
        final int proposal = highestProposal(mpi, localComm.management(), 0);
        // [base, this group first]
        final int[] agreement = new int[2];
        if (0 == localComm.rank())
        {
            final int[] mine = { proposal, high ? 1 : 0 };
            final int[] theirs = new int[2];
            management.sendrecv(mine, 0, 2, 0, TAG, theirs, 0, 2, 0, TAG, new Status());
            agreement[0] = Math.max(proposal, theirs[0]);
            final boolean remoteHigh = 1 == theirs[1];
            agreement[1] = high == remoteHigh ? (inter.localRanks()[0] < inter.peerRanks()[0] ? 1 : 0) :
                (high ? 0 : 1);
            for (int r = 1; r < localComm.size(); r++)
            {
                localComm.management().send(agreement, 0, 2, r, TAG);
            }
        }
        else
        {
            localComm.management().recv(agreement, 0, 2, 0, TAG);
        }
        mpi.contextBaseUsed(agreement[0]);
        final int[] first = 1 == agreement[1] ? inter.localRanks() : inter.peerRanks();
        final int[] second = 1 == agreement[1] ? inter.peerRanks() : inter.localRanks();
        final int[] members = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, members, first.length, second.length);
        return Comm.create(mpi, agreement[0], members, mpi.world().size());
    }

    /**
     * The leaders of both groups trade their groups' proposals; each tells its group the higher.
     */
    private static int agreeOnBase(final Comm inter, final int proposal)
    {
        final Comm localComm = inter.localComm();
        final int[] base = { proposal };
        if (0 == localComm.rank())
        {
            final int[] theirs = new int[1];
            inter.management().sendrecv(base, 0, 1, 0, TAG, theirs, 0, 1, 0, TAG, new Status());
            base[0] = Math.max(proposal, theirs[0]);
            for (int r = 1; r < localComm.size(); r++)
            {
                localComm.management().send(base, 0, 1, r, TAG);
            }
        }
        else
        {
            localComm.management().recv(base, 0, 1, 0, TAG);
        }
        return base[0];
    }

    /**
     * @return at the leader, the highest of the group's proposals; elsewhere, this member's own.
     */
    private static int highestProposal(final Mpi mpi, final Comm management, final int leader)
    {
        final int[] proposal = { mpi.nextContextBase() };
        if (management.rank() == leader)
        {
            final int[] other = new int[1];
            for (int r = 0; r < management.size(); r++)
            {
                if (r != leader)
                {
                    management.recv(other, 0, 1, r, TAG);
                    proposal[0] = Math.max(proposal[0], other[0]);
                }
            }
        }
        else
        {
            management.send(proposal, 0, 1, leader, TAG);
        }
        return proposal[0];
    }

    /**
     * @param base the agreed base: the intercommunicator's own; the local groups' private ones take the next.
     */
    private static Comm build(final Mpi mpi, final int base, final int[] local, final int[] remote)
    {
        final int localBase = base + Comm.CONTEXTS_PER_COMM;
        mpi.contextBaseUsed(localBase);
        final Comm localComm = Comm.create(mpi, localBase, local, mpi.world().size());
        return Comm.createInter(mpi, base, localComm, remote, mpi.world().size());
    }

    /**
     * @return a world rank in both groups, or -1 if they are disjoint.
     */
    private static int shared(final int[] local, final int[] remote)
    {
        for (final int member : remote)
        {
            for (final int own : local)
            {
                if (member == own)
                {
                    return member;
                }
            }
        }
        return -1;
    }
}
