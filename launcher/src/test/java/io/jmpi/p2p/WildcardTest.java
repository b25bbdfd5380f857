package io.jmpi.p2p;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Status;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ANY_SOURCE and ANY_TAG receives, and the Status they report.
 */
class WildcardTest
{
    @Test
    void wildcardReceivesReportSourceTagAndCount()
    {
        final JobResult result = JobRunner.run(4, Wildcards.class).assertSuccess();
        assertEquals(List.of("wildcards ok from 3 senders"), result.linesOfRank(0));
    }

    public static final class Wildcards
    {
        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int me = world.rank();
                final int size = world.size();
                if (0 != me)
                {
                    final int[] data = new int[me + 1];
                    java.util.Arrays.fill(data, me);
                    world.send(data, 0, data.length, 0, 100 + me);
                    // the next messages would also match rank 0's first ANY_TAG receives: wait until those are done
                    world.recv(data, 0, 0, 0, 50);
                    world.send(data, 0, 1, 0, 1);
                    world.send(data, 0, 2, 0, 2);
                    return;
                }

                final boolean[] seen = new boolean[size];
                final int[] buffer = new int[size + 1];
                final Status status = new Status();
                for (int i = 1; i < size; i++)
                {
                    world.recv(buffer, 0, buffer.length, Mpi.ANY_SOURCE, Mpi.ANY_TAG, status);
                    final int source = status.source();
                    Payloads.checkTrue(source > 0 && source < size && !seen[source], "fresh source " + source);
                    seen[source] = true;
                    Payloads.checkEquals(100 + source, status.tag(), "tag of the message from " + source);
                    Payloads.checkEquals(source + 1, status.count(), "count of the message from " + source);
                    Payloads.checkEquals(source * 4 + 4, status.bytes(), "bytes of the message from " + source);
                    for (int k = 0; k < source + 1; k++)
                    {
                        Payloads.checkEquals(source, buffer[k], "element " + k + " from " + source);
                    }
                }

                for (int r = 1; r < size; r++)
                {
                    world.send(buffer, 0, 0, r, 50);
                }
                for (int source = size - 1; source > 0; source--)
                {
                    world.recv(buffer, 0, buffer.length, source, Mpi.ANY_TAG, status);
                    Payloads.checkEquals(1, status.tag(), "ANY_TAG from " + source + " matches the first sent");
                    Payloads.checkEquals(1, status.count(), "count");
                }
                for (int i = 1; i < size; i++)
                {
                    world.recv(buffer, 0, buffer.length, Mpi.ANY_SOURCE, 2, status);
                    Payloads.checkEquals(2, status.tag(), "tag");
                    Payloads.checkEquals(2, status.count(), "count");
                    Payloads.checkEquals(status.source(), buffer[0], "data of source " + status.source());
                }
                System.out.println("wildcards ok from " + (size - 1) + " senders");
            }
        }
    }
}
