package io.jmpi.coll;

import io.jmpi.Datatype;
import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import io.jmpi.Op;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks made before any data moves, and their error classes.
 */
class ArgumentsTest
{
    @Test
    void buffersGiveTheirDatatype()
    {
        assertEquals(Datatype.LONG, Arguments.buffer(new long[4], 1, 3, true, "b"));
        assertEquals(Datatype.BOOLEAN, Arguments.buffer(new boolean[0], 0, 0, true, "b"));
        assertEquals(Datatype.BYTE, Arguments.buffer(ByteBuffer.allocateDirect(8), 0, 8, true, "b"));
        assertEquals(Datatype.BYTE, Arguments.buffer(new UnsafeBuffer(new byte[8]), 4, 4, true, "b"));
        assertEquals(
            Datatype.BYTE, Arguments.buffer(ByteBuffer.allocateDirect(8).asReadOnlyBuffer(), 0, 8, false, "b"));
    }

    @Test
    void badBuffersRaiseTheirErrorClass()
    {
        assertError(ErrorClass.ERR_BUFFER, "sendBuffer is null",
            () -> Arguments.buffer(null, 0, 1, false, "sendBuffer"));
        assertError(ErrorClass.ERR_COUNT, "count=-1", () -> Arguments.buffer(new int[4], 0, -1, false, "b"));
        assertError(ErrorClass.ERR_BUFFER, "offset=-1", () -> Arguments.buffer(new int[4], -1, 1, false, "b"));
        assertError(ErrorClass.ERR_BUFFER, "exceeds", () -> Arguments.buffer(new int[4], 2, 3, false, "b"));
        assertError(ErrorClass.ERR_BUFFER, "exceeds", () -> Arguments.buffer(new int[4], 0, 1L << 33, false, "b"));
        assertError(ErrorClass.ERR_TYPE, "java.lang.String", () -> Arguments.buffer("text", 0, 1, false, "b"));
        assertError(ErrorClass.ERR_TYPE, "Integer", () -> Arguments.buffer(new Integer[1], 0, 1, false, "b"));
        assertError(ErrorClass.ERR_BUFFER, "read-only",
            () -> Arguments.buffer(ByteBuffer.allocateDirect(8).asReadOnlyBuffer(), 0, 8, true, "b"));
        assertError(ErrorClass.ERR_BUFFER, "read-only heap",
            () -> Arguments.buffer(ByteBuffer.allocate(8).asReadOnlyBuffer(), 0, 8, false, "b"));
    }

    @Test
    void blocksMustHaveOneCountAndDisplacementPerRankInsideTheBuffer()
    {
        assertEquals(Datatype.INT, Arguments.blocks(
            new int[10], 2, new int[]{ 3, 0, 5 }, new int[]{ 5, 9, 0 }, 3, true, Arguments.GATHERV));
        assertError(ErrorClass.ERR_ARG, "recvCounts is null", () -> Arguments.blocks(
            new int[10], 0, null, new int[3], 3, true, Arguments.GATHERV));
        assertError(ErrorClass.ERR_ARG, "sendDisplacements has 2 entries", () -> Arguments.blocks(
            new int[10], 0, new int[3], new int[2], 3, true, Arguments.ALLTOALLV_SEND));
        assertError(ErrorClass.ERR_COUNT, "sendCounts[1]=-2", () -> Arguments.blocks(
            new int[10], 0, new int[]{ 0, -2, 0 }, new int[3], 3, false, Arguments.SCATTERV));
        assertError(ErrorClass.ERR_BUFFER, "block 2", () -> Arguments.blocks(
            new int[10], 2, new int[]{ 1, 1, 1 }, new int[]{ 0, 1, 8 }, 3, true, Arguments.GATHERV));
        assertError(ErrorClass.ERR_BUFFER, "block 0", () -> Arguments.blocks(
            new int[10], 2, new int[]{ 1, 1, 1 }, new int[]{ -3, 1, 2 }, 3, true, Arguments.GATHERV));
    }

    @Test
    void countsAddUpWithinTwoGigaElements()
    {
        assertEquals(6, Arguments.counts(new int[]{ 1, 2, 3 }, 3, "recvCounts"));
        assertError(ErrorClass.ERR_COUNT, "more than 2^31 - 1",
            () -> Arguments.counts(new int[]{ Integer.MAX_VALUE, 1 }, 2, "recvCounts"));
        assertError(ErrorClass.ERR_COUNT, "more than 2^31 - 1",
            () -> Arguments.total(3, Integer.MAX_VALUE / 2, "sendCount"));
    }

    @Test
    void typesAndCountsMustMatch()
    {
        assertError(ErrorClass.ERR_TYPE, "must match", () -> Arguments.sameType(Datatype.INT, Datatype.LONG));
        assertError(ErrorClass.ERR_TRUNCATE, "do not fit", () -> Arguments.sameCount(5, 4, "gather"));
        assertError(ErrorClass.ERR_COUNT, "must match", () -> Arguments.sameCount(3, 4, "gather"));
        Arguments.sameCount(4, 4, "gather");
    }

    @Test
    void operationsMustBeGivenAndDefinedOnTheType()
    {
        assertError(ErrorClass.ERR_OP, "null", () -> Arguments.op(null, Datatype.INT, 1));
        assertError(ErrorClass.ERR_OP, "BOOLEAN", () -> Arguments.op(Op.PROD, Datatype.BOOLEAN, 1));
        assertError(ErrorClass.ERR_COUNT, "must be a multiple of it", () -> Arguments.op(Op.MAXLOC, Datatype.FLOAT, 5));
        Arguments.op(Op.LXOR, Datatype.BOOLEAN, 5);
    }

    private static void assertError(final ErrorClass expected, final String text, final Runnable call)
    {
        final MpiException ex = assertThrows(MpiException.class, call::run);
        assertEquals(expected, ex.errorClass(), ex.getMessage());
        assertTrue(ex.getMessage().contains(text), ex.getMessage());
    }
}
