package io.jmpi.multihost;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Three test hosts made of Linux network namespaces on a bridge ({@code src/test/netns/testhosts.sh}): jmpih1..3
 * with addresses 10.77.0.1..3 that exist only inside them. Making them needs root; {@link #up()} says why when
 * it cannot, so that tests skip with a visible reason. {@link #down()} always removes them, and a shutdown hook
 * does too if the test JVM ends early.
 */
final class TestHosts
{
    static final int HOSTS = 3;
    static final String LAUNCH_AGENT = "ip netns exec {host}";
    private static final File SCRIPT = new File("src/test/netns/testhosts.sh");
    private static volatile String unavailable = "the test hosts are not up";

    /**
     * Makes the test hosts before the tests of a class that extends with it, and removes them after.
     */
    static final class Lifecycle implements BeforeAllCallback, AfterAllCallback
    {
        public void beforeAll(final ExtensionContext context)
        {
            unavailable = up();
        }

        public void afterAll(final ExtensionContext context)
        {
            down();
            unavailable = "the test hosts are down";
        }
    }

    private TestHosts()
    {
    }

    /**
     * @return null once the hosts are up, or the reason they cannot be made here.
     */
    private static String up()
    {
        if (!"root".equals(System.getProperty("user.name")))
        {
            return "network namespaces need root; this runs as " + System.getProperty("user.name");
        }
        if (!SCRIPT.canRead())
        {
            return "cannot find " + SCRIPT.getAbsolutePath();
        }
        down();
        final String failure = script("up", Integer.toString(HOSTS));
        if (null != failure)
        {
            down();
            return "cannot make test hosts: " + failure;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestHosts::down, "testhosts-down"));
        return null;
    }

    /**
     * Skip the calling test, with the reason, unless the test hosts are up.
     */
    static void require()
    {
        Assumptions.assumeTrue(null == unavailable, () -> "skipped: " + unavailable);
    }

    /**
     * @return true if the test hosts are up.
     */
    static boolean areUp()
    {
        return null == unavailable;
    }

    static void down()
    {
        script("down");
    }

    /**
     * @param host    e.g. jmpih2.
     * @param percent packets to drop on arrival at the host, 0 to stop.
     * @return null, or why it failed (iptables missing).
     */
    static String loss(final String host, final int percent)
    {
        return script("loss", host, Integer.toString(percent));
    }

    /**
     * @param host e.g. jmpih2.
     * @param up   false to pull the host's cable (its port on the bridge goes down), true to plug it back.
     * @return null, or why it failed.
     */
    static String link(final String host, final boolean up)
    {
        return script("link", host, up ? "up" : "down");
    }

    /**
     * @return null once every host drops multicast, both ways, or why it failed (iptables missing).
     */
    static String blockMulticast()
    {
        return script("block-multicast");
    }

    static void unblockMulticast()
    {
        script("unblock-multicast");
    }

    static List<String> jrunOptions()
    {
        return List.of("--host", "jmpih1:2,jmpih2:2,jmpih3:2", "--launch-agent", LAUNCH_AGENT);
    }

    private static String script(final String... args)
    {
        final List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(SCRIPT.getPath());
        command.addAll(List.of(args));
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                return "testhosts.sh " + String.join(" ", args) + " did not finish";
            }
            return 0 == process.exitValue() ? null : output.trim();
        }
        catch (final IOException ex)
        {
            return ex.getMessage();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
