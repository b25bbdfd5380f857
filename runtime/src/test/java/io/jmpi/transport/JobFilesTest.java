package io.jmpi.transport;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A driver's directory and every file in it are owner-only: those the driver makes at start, the logs it makes
 * for publications and images later (whose names the transport derives from Aeron's ids), and the job's own.
 */
class JobFilesTest
{
    private static final long CONNECT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);
    private final String directory = EmbeddedDriver.aeronDirFor("files-test-" + UUID.randomUUID());
    private MediaDriver driver;
    private Aeron aeron;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(aeron, driver);
    }

    @Test
    void theDriversFilesAndTheLogsOfItsStreamsAreOwnerOnly() throws IOException, InterruptedException
    {
        driver = EmbeddedDriver.launch(directory);
        assertOwnerOnly();

        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(directory));
        final List<Long> images = new ArrayList<>();
        final String udp = "aeron:udp?endpoint=127.0.0.1:" + (24000 + (int)(ProcessHandle.current().pid() % 1000));
        final Subscription udpSubscription = aeron.addSubscription(udp, 7,
            image ->
            {
                JobFiles.restrictLog(directory, false, image.correlationId());
                synchronized (images)
                {
                    images.add(image.correlationId());
                }
            },
            image -> { });
        final Publication ipc = aeron.addPublication(Channels.IPC_CHANNEL, 7);
        JobFiles.restrictLog(directory, true, ipc.originalRegistrationId());
        final Publication udpPublication = aeron.addExclusivePublication(udp, 7);
        JobFiles.restrictLog(directory, true, udpPublication.originalRegistrationId());
        JobFiles.mapNewFile(new File(directory, "page"), 4096, true);

        final long deadline = System.nanoTime() + CONNECT_TIMEOUT_NS;
        // the image's handler runs on the client's conductor, after the subscription may already say connected
        while ((!udpSubscription.isConnected() || noImageYet(images)) && System.nanoTime() < deadline)
        {
            Thread.sleep(1);
        }
        assertTrue(udpSubscription.isConnected());
        synchronized (images)
        {
            assertEquals(1, images.size());
        }
        assertTrue(Files.exists(Path.of(directory, "publications", ipc.originalRegistrationId() + ".logbuffer")));
        assertTrue(Files.exists(Path.of(directory, "images", images.get(0) + ".logbuffer")));
        assertOwnerOnly();
    }

    private void assertOwnerOnly() throws IOException
    {
        try (Stream<Path> paths = Files.walk(Path.of(directory)))
        {
            for (final Path path : paths.toList())
            {
                final Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
                assertEquals(Files.isDirectory(path) ? JobFiles.DIRECTORY_MODE : JobFiles.FILE_MODE, mode,
                    path.toString());
            }
        }
    }

    private static boolean noImageYet(final List<Long> images)
    {
        synchronized (images)
        {
            return images.isEmpty();
        }
    }
}
