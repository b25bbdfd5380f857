package io.jmpi.coll;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import io.jmpi.coll.algorithm.Algorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forcing an algorithm by system property, read at every call.
 */
class AlgorithmTableTest
{
    private final Algorithm ring = () -> "ring";
    private final Algorithm tree = () -> "tree";
    private final AlgorithmTable<Algorithm> table = new AlgorithmTable<>("test_collective", List.of(ring, tree));

    @AfterEach
    void clearProperty()
    {
        System.clearProperty(table.property());
    }

    @Test
    void thePropertyIsNamedLikeOpenMpisTunedParameters()
    {
        assertEquals("jmpi.coll.test_collective.algorithm", table.property());
    }

    @Test
    void withoutThePropertyTheRuleChooses()
    {
        assertSame(tree, table.select("tree"));
        System.setProperty(table.property(), "");
        assertSame(ring, table.select("ring"));
    }

    @Test
    void thePropertyOverridesTheRuleAtEveryCall()
    {
        System.setProperty(table.property(), "ring");
        assertSame(ring, table.select("tree"));
        System.setProperty(table.property(), "tree");
        assertSame(tree, table.select("ring"));
    }

    @Test
    void anUnknownNameRaisesErrArgListingTheAlgorithms()
    {
        System.setProperty(table.property(), "star");
        final MpiException ex = assertThrows(MpiException.class, () -> table.select("ring"));
        assertEquals(ErrorClass.ERR_ARG, ex.errorClass());
        assertTrue(ex.getMessage().contains("'star'") && ex.getMessage().contains("ring, tree"), ex.getMessage());
    }
}
