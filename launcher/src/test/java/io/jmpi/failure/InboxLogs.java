package io.jmpi.failure;

import io.aeron.LogBuffers;
import io.aeron.logbuffer.FrameDescriptor;
import io.aeron.logbuffer.LogBufferDescriptor;
import io.aeron.protocol.DataHeaderFlyweight;
import io.jmpi.transport.Channels;
import org.agrona.BitUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes frames straight into the log buffers of a job's inboxes, as a process that can open the job's files
 * but is no Aeron client would: it claims space by moving the log's tail, as a publication does, and writes
 * Aeron's frame header and the frame, so that the rank's subscription reads it like any other.
 */
final class InboxLogs
{
    private InboxLogs()
    {
    }

    /**
     * @param aeronDir the job's directory on this host.
     * @param frames   the frames to append to every inbox log there.
     * @return how many frames were appended.
     */
    static int appendToAll(final Path aeronDir, final List<byte[]> frames)
    {
        int appended = 0;
        try (Stream<Path> logs = Files.list(aeronDir.resolve("publications")))
        {
            for (final Path log : logs.toList())
            {
                try (LogBuffers buffers = new LogBuffers(log.toString()))
                {
                    final UnsafeBuffer metaData = buffers.metaDataBuffer();
                    final int streamId = LogBufferDescriptor.defaultFrameHeader(metaData)
                        .getInt(DataHeaderFlyweight.STREAM_ID_FIELD_OFFSET);
                    if (streamId < Channels.inboxStreamId(0) || streamId > Channels.inboxStreamId(1))
                    {
                        continue;
                    }
                    final UnsafeBuffer[] terms = buffers.duplicateTermBuffers();
                    for (final byte[] frame : frames)
                    {
                        appended += append(metaData, terms, frame) ? 1 : 0;
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return appended;
    }

    private static boolean append(final UnsafeBuffer metaData, final UnsafeBuffer[] terms, final byte[] frame)
    {
        final int frameLength = DataHeaderFlyweight.HEADER_LENGTH + frame.length;
        if (frameLength > LogBufferDescriptor.mtuLength(metaData))
        {
            return false;
        }
        final int aligned = BitUtil.align(frameLength, FrameDescriptor.FRAME_ALIGNMENT);
        final int index = LogBufferDescriptor.indexByTermCount(LogBufferDescriptor.activeTermCount(metaData));
        final UnsafeBuffer term = terms[index];
        long rawTail;
        int termOffset;
        do
        {
            rawTail = LogBufferDescriptor.rawTailVolatile(metaData, index);
            termOffset = (int)(rawTail & 0xFFFF_FFFFL);
            if (termOffset + aligned > term.capacity())
            {
                return false;
            }
        }
        while (!LogBufferDescriptor.casRawTail(metaData, index, rawTail, rawTail + aligned));

        final UnsafeBuffer header = LogBufferDescriptor.defaultFrameHeader(metaData);
        FrameDescriptor.frameLengthOrdered(term, termOffset, -frameLength);
        term.putBytes(
            termOffset + Integer.BYTES, header, Integer.BYTES, DataHeaderFlyweight.HEADER_LENGTH - Integer.BYTES);
        term.putInt(termOffset + DataHeaderFlyweight.TERM_OFFSET_FIELD_OFFSET, termOffset);
        term.putInt(termOffset + DataHeaderFlyweight.TERM_ID_FIELD_OFFSET, LogBufferDescriptor.termId(rawTail));
        term.putBytes(termOffset + DataHeaderFlyweight.HEADER_LENGTH, frame);
        FrameDescriptor.frameLengthOrdered(term, termOffset, frameLength);
        return true;
    }
}
