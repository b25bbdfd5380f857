package io.jmpi.comm;

import io.jmpi.Comm;
import io.jmpi.ErrorClass;
import io.jmpi.Keyval;
import io.jmpi.Mpi;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.jmpi.comm.ErrorHandlerTest.check;
import static io.jmpi.comm.ErrorHandlerTest.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Attributes of jmpi's own API (MPI-3.1 section 6.7): the predefined keys on every communicator, values cached
 * under keys whose copier dup applies (split and create copy none), deleters called on replace, delete and free,
 * freed keys, and bad keys and values refused with ERR_KEYVAL and ERR_ARG.
 */
class AttributeTest
{
    @Test
    void attributesAreCachedCopiedAndDeletedAsMpiSays()
    {
        assertEquals(List.of("ok"), JobRunner.run(3, Attributes.class).assertSuccess().linesOfRank(0));
    }

    public static final class Attributes
    {
        private static final List<String> DELETED = new ArrayList<>();

        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final Comm dup = world.dup();
                dup.setName("dup");
                for (final Comm comm : new Comm[] { world, dup })
                {
                    check(Mpi.TAG_UB == comm.attribute(Keyval.TAG_UB), "TAG_UB");
                    check(Mpi.PROC_NULL == comm.attribute(Keyval.HOST), "HOST");
                    check(Mpi.ANY_SOURCE == comm.attribute(Keyval.IO), "IO");
                    check(!comm.attribute(Keyval.WTIME_IS_GLOBAL), "WTIME_IS_GLOBAL");
                    check(0 == comm.attribute(Keyval.APPNUM), "APPNUM");
                    check(world.size() == comm.attribute(Keyval.UNIVERSE_SIZE), "UNIVERSE_SIZE");
                }
                expect(ErrorClass.ERR_KEYVAL, () -> world.setAttribute(Keyval.TAG_UB, 5));
                expect(ErrorClass.ERR_KEYVAL, () -> world.deleteAttribute(Keyval.TAG_UB));
                expect(ErrorClass.ERR_KEYVAL, Keyval.TAG_UB::free);
                expect(ErrorClass.ERR_KEYVAL, () -> world.attribute(null));
                expect(ErrorClass.ERR_ARG, () -> Keyval.create(null, null));

                final Keyval<String> copied = Keyval.create(Keyval.dupCopy(), Attributes::deleted);
                final Keyval<String> kept = Keyval.create(Keyval.nullCopy(), Attributes::deleted);
                final Keyval<Integer> counted = Keyval.create((comm, value) -> value + 1, null);
                check(null == world.attribute(copied), "nothing cached yet");
                world.setAttribute(copied, "a");
                world.setAttribute(kept, "b");
                world.setAttribute(counted, 41);
                expect(ErrorClass.ERR_ARG, () -> world.setAttribute(kept, null));

                final Comm copy = world.dup();
                copy.setName("copy");
                check("a".equals(copy.attribute(copied)), "dupCopy gives the copy the value");
                check(null == copy.attribute(kept), "nullCopy leaves the value behind");
                check(42 == copy.attribute(counted), "a copier of one's own: " + copy.attribute(counted));
                final Comm split = world.split(0, world.rank());
                check(null == split.attribute(copied) && null == split.attribute(counted), "split copies none");
                deleted(List.of(), "nothing deleted by copying");

                world.setAttribute(copied, "a2");
                deleted(List.of("WORLD a"), "replacing deletes the old value");
                world.deleteAttribute(copied);
                deleted(List.of("WORLD a2"), "delete");
                check(null == world.attribute(copied), "deleted");
                world.deleteAttribute(copied);
                deleted(List.of(), "deleting what is not there");

                copied.free();
                expect(ErrorClass.ERR_KEYVAL, () -> world.setAttribute(copied, "c"));
                expect(ErrorClass.ERR_KEYVAL, () -> copy.attribute(copied));
                expect(ErrorClass.ERR_KEYVAL, copied::free);
                copy.free();
                deleted(List.of("copy a"), "freeing deletes the values, also of a freed key");
                check("b".equals(world.attribute(kept)), "the world's value stays");
                if (0 == world.rank())
                {
                    System.out.println("ok");
                }
            }
        }

        private static void deleted(final Comm comm, final String value)
        {
            DELETED.add(comm.name() + " " + value);
        }

        private static void deleted(final List<String> expected, final String what)
        {
            check(expected.equals(DELETED), what + ": deleted " + DELETED + ", not " + expected);
            DELETED.clear();
        }
    }
}
