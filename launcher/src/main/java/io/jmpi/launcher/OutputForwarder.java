package io.jmpi.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Copies one output stream of a rank to jrun's, line by line, each line starting with a prefix such as {@code [3] }.
 * <p>
 * Only whole lines are written, under the lock of the target stream, so lines of different ranks never mix. Bytes
 * pass through as they are, whatever encoding the rank writes. A listener may watch the lines as they pass, e.g. to
 * find the exception a failing rank printed.
 */
final class OutputForwarder implements Runnable
{
    private static final int READ_SIZE = 8192;

    private final InputStream in;
    private final byte[] prefix;
    private final PrintStream target;
    private final Consumer<String> listener;
    private final OutputStream copy;
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private final ByteArrayOutputStream lines = new ByteArrayOutputStream();
    private final List<String> seen = new ArrayList<>();

    /**
     * @param in     the rank's stream, closed at its end.
     * @param prefix written before every line; empty for none.
     * @param target where the lines go: shared by the forwarders of all ranks.
     */
    OutputForwarder(final InputStream in, final byte[] prefix, final PrintStream target)
    {
        this(in, prefix, target, null);
    }

    /**
     * @param in       the rank's stream, closed at its end.
     * @param prefix   written before every line; empty for none.
     * @param target   where the lines go: shared by the forwarders of all ranks.
     * @param listener given each line, without prefix and line end, after it was forwarded; or {@code null}.
     */
    OutputForwarder(final InputStream in, final byte[] prefix, final PrintStream target, final Consumer<String> listener)
    {
        this(in, prefix, target, listener, null);
    }

    /**
     * @param in       the rank's stream, closed at its end.
     * @param prefix   written before every line; empty for none.
     * @param target   where the lines go: shared by the forwarders of all ranks.
     * @param listener given each line, without prefix and line end, after it was forwarded; or {@code null}.
     * @param copy     also given every byte as the rank wrote it, and closed at the end; or {@code null}.
     */
    OutputForwarder(
        final InputStream in, final byte[] prefix, final PrintStream target, final Consumer<String> listener,
        final OutputStream copy)
    {
        this.in = in;
        this.prefix = prefix;
        this.target = target;
        this.listener = listener;
        this.copy = copy;
    }

    /**
     * Forward until the rank's stream ends; a last line without a newline gets one.
     */
    @Override
    public void run()
    {
        final byte[] buffer = new byte[READ_SIZE];
        try (in; OutputStream file = copy)
        {
            int read;
            while (-1 != (read = in.read(buffer)))
            {
                if (null != file)
                {
                    file.write(buffer, 0, read);
                    file.flush();
                }
                collectLines(buffer, read);
                emit();
                // after the lines went out: whoever reacts to a line finds it forwarded
                seen.forEach(this::notifyListener);
                seen.clear();
            }
        }
        catch (final IOException ex)
        {
            // the pipe broke because the rank is gone: forward what was read
        }

        if (partialLine.size() > 0)
        {
            final String last = null == listener ? null : text(new byte[0], 0, 0);
            startLine();
            lines.write('\n');
            emit();
            notifyListener(last);
        }
    }

    private void collectLines(final byte[] buffer, final int length)
    {
        int lineStart = 0;
        for (int i = 0; i < length; i++)
        {
            if ('\n' == buffer[i])
            {
                if (null != listener)
                {
                    seen.add(text(buffer, lineStart, i));
                }
                startLine();
                lines.write(buffer, lineStart, i + 1 - lineStart);
                lineStart = i + 1;
            }
        }
        partialLine.write(buffer, lineStart, length - lineStart);
    }

    /**
     * The line that ends at {@code end} of the buffer, after what was read of it before; without a final '\r'.
     */
    private String text(final byte[] buffer, final int start, final int end)
    {
        final byte[] head = partialLine.toByteArray();
        final byte[] line = new byte[head.length + end - start];
        System.arraycopy(head, 0, line, 0, head.length);
        System.arraycopy(buffer, start, line, head.length, end - start);
        int length = line.length;
        if (length > 0 && '\r' == line[length - 1])
        {
            length--;
        }
        return new String(line, 0, length, Charset.defaultCharset());
    }

    private void notifyListener(final String line)
    {
        if (null != line)
        {
            listener.accept(line);
        }
    }

    /**
     * Begin a line in the output: the prefix, then what was read of the line before.
     */
    private void startLine()
    {
        lines.writeBytes(prefix);
        lines.writeBytes(partialLine.toByteArray());
        partialLine.reset();
    }

    /**
     * Write the complete lines read so far in one go, flushing once per read rather than once per line.
     */
    private void emit()
    {
        if (lines.size() > 0)
        {
            final byte[] bytes = lines.toByteArray();
            lines.reset();
            synchronized (target)
            {
                target.write(bytes, 0, bytes.length);
                target.flush();
            }
        }
    }
}
