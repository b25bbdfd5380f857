package io.jmpi.p2p;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Request;
import io.jmpi.Status;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * isend, issend and irecv completed by each completion call, and cancel of a pending receive.
 */
class RequestTest
{
    @Test
    void everyCompletionCallCompletesRequests()
    {
        final JobResult result = JobRunner.run(2, Completions.class).assertSuccess();
        assertEquals(List.of("wait ok", "test ok", "waitAll ok", "waitAny ok", "waitSome ok", "testAll ok",
            "testAny ok", "cancel ok"), result.linesOfRank(1));
    }

    public static final class Completions
    {
        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int peer = 1 - world.rank();
                final boolean receiver = 1 == world.rank();

                final long[] one = new long[4];
                if (receiver)
                {
                    final Status status = world.irecv(one, 0, 4, peer, 1).waitFor();
                    Payloads.checkEquals(4, status.count(), "count");
                    Payloads.checkEquals(1L, one[3], "data");
                    System.out.println("wait ok");

                    final Request request = world.irecv(one, 0, 4, Mpi.ANY_SOURCE, Mpi.ANY_TAG);
                    while (!request.test())
                    {
                        Thread.onSpinWait();
                    }
                    Payloads.checkEquals(2, request.status().tag(), "tag via test");
                    Payloads.checkEquals(peer, request.status().source(), "source via test");
                    System.out.println("test ok");
                }
                else
                {
                    Arrays.fill(one, 1);
                    world.isend(one, 0, 4, peer, 1).waitFor();
                    world.issend(one, 0, 4, peer, 2).waitFor();
                }

                final int n = 8;
                final int[][] blocks = new int[n][64];
                final Request[] requests = new Request[n];
                for (int round = 0; round < 5; round++)
                {
                    for (int i = 0; i < n; i++)
                    {
                        if (receiver)
                        {
                            requests[i] = world.irecv(blocks[i], 0, 64, peer, 10 + i);
                        }
                        else
                        {
                            Arrays.fill(blocks[i], round * 100 + i);
                            requests[i] = 0 == i % 2 ?
                                world.isend(blocks[i], 0, 64, peer, 10 + i) : world.issend(blocks[i], 0, 64, peer, 10 + i);
                        }
                    }
                    complete(round, requests.clone());
                    if (receiver)
                    {
                        for (int i = 0; i < n; i++)
                        {
                            Payloads.checkEquals(round * 100 + i, blocks[i][63], "round " + round + " block " + i);
                            Payloads.checkEquals(10 + i, requests[i].status().tag(), "tag of block " + i);
                        }
                        System.out.println(new String[]{ "waitAll", "waitAny", "waitSome", "testAll", "testAny" }[round] +
                            " ok");
                    }
                }

                if (receiver)
                {
                    final Request pending = world.irecv(one, 0, 4, peer, 77);
                    Payloads.checkTrue(!pending.test(), "nothing was sent with tag 77");
                    Payloads.checkTrue(pending.cancel(), "a pending receive can be cancelled");
                    Payloads.checkTrue(pending.waitFor().isCancelled(), "the status says cancelled");
                    Payloads.checkTrue(!world.isend(one, 0, 1, peer, 78).cancel(), "sends are not cancelled");
                    System.out.println("cancel ok");
                }
                else
                {
                    world.recv(one, 0, 1, peer, 78);
                }
            }
        }

        private static void complete(final int round, final Request[] requests)
        {
            switch (round)
            {
                case 0 -> Request.waitAll(requests);
                case 1 ->
                {
                    final boolean[] done = new boolean[requests.length];
                    for (int i = 0; i < requests.length; i++)
                    {
                        final int index = Request.waitAny(requests);
                        Payloads.checkTrue(!done[index], "waitAny reports request " + index + " once");
                        done[index] = true;
                        requests[index] = null;
                    }
                    Payloads.checkEquals(Status.UNDEFINED, Request.waitAny(requests), "all null");
                }
                case 2 ->
                {
                    int remaining = requests.length;
                    while (remaining > 0)
                    {
                        for (final int index : Request.waitSome(requests))
                        {
                            requests[index] = null;
                            remaining--;
                        }
                    }
                }
                case 3 ->
                {
                    while (!Request.testAll(requests))
                    {
                        Thread.onSpinWait();
                    }
                }
                default ->
                {
                    int remaining = requests.length;
                    while (remaining > 0)
                    {
                        final int index = Request.testAny(requests);
                        if (index >= 0)
                        {
                            requests[index] = null;
                            remaining--;
                        }
                    }
                }
            }
        }
    }
}
