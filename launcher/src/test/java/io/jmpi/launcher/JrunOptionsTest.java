package io.jmpi.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JrunOptionsTest
{
    @Test
    void parsesMainClassAndProgramArguments() throws UsageException
    {
        final JrunOptions options = JrunOptions.parse("-np", "4", "com.example.Main", "a", "b");

        assertFalse(options.help());
        assertEquals(4, options.ranks());
        assertEquals("com.example.Main", options.mainClass());
        assertNull(options.jar());
        assertNull(options.classPath());
        assertEquals(List.of("a", "b"), options.programArgs());
        assertEquals(List.of(), options.jvmArgs());
        assertTrue(options.prefixOutput());
        assertEquals(0, options.timeoutSeconds());
        assertEquals(0, options.graceSeconds());
        assertNull(options.jobId());
    }

    @Test
    void parsesEveryOption() throws UsageException
    {
        final JrunOptions options = JrunOptions.parse(
            "-n", "2", "--classpath", "a.jar:b", "--no-prefix", "--timeout", "30", "-J-Xmx1g", "--jvm-arg", "-Dx=y",
            "--job-id", "my_job-1", "--grace", "7", "Main");

        assertEquals(2, options.ranks());
        assertEquals("a.jar:b", options.classPath());
        assertFalse(options.prefixOutput());
        assertEquals(30, options.timeoutSeconds());
        assertEquals(7, options.graceSeconds());
        assertEquals(List.of("-Xmx1g", "-Dx=y"), options.jvmArgs());
        assertEquals("my_job-1", options.jobId());
        assertEquals("Main", options.mainClass());
    }

    @Test
    void jarEndsTheOptions() throws UsageException
    {
        final JrunOptions options = JrunOptions.parse("-np", "3", "-cp", "lib/*", "-jar", "app.jar", "-np", "x");

        assertEquals("app.jar", options.jar());
        assertNull(options.mainClass());
        assertEquals("lib/*", options.classPath());
        assertEquals(List.of("-np", "x"), options.programArgs());
    }

    @Test
    void optionsAfterTheMainClassGoToTheProgram() throws UsageException
    {
        final JrunOptions options = JrunOptions.parse("-np", "1", "Main", "--no-prefix", "--help");

        assertTrue(options.prefixOutput());
        assertFalse(options.help());
        assertEquals(List.of("--no-prefix", "--help"), options.programArgs());
    }

    @Test
    void graceMayBeZero() throws UsageException
    {
        assertEquals(0, JrunOptions.parse("-np", "2", "--grace", "0", "Main").graceSeconds());
    }

    @Test
    void multicastIsAGroupOrOff() throws UsageException
    {
        assertNull(JrunOptions.parse("-np", "2", "Main").multicast());
        assertEquals("239.255.1.3:9000", JrunOptions.parse("-np", "2", "--multicast", "239.255.1.3:9000", "M")
            .multicast());
        assertEquals(JrunOptions.MULTICAST_OFF, JrunOptions.parse("-np", "2", "--multicast", "off", "M").multicast());
    }

    @ParameterizedTest
    @ValueSource(strings = { "10.0.0.1:5", "239.1.1.1", "239.1.1.256:5", "239.1.1.2:5", "239.1.1.1:0", "off:1" })
    void rejectsAMulticastGroupOutOfRangeOrEven(final String group)
    {
        final UsageException ex = assertThrows(
            UsageException.class, () -> JrunOptions.parse("-np", "2", "--multicast", group, "Main"));

        assertEquals("--multicast expects off or GROUP:PORT with GROUP in 224.0.0.0 to 239.255.255.255 ending in " +
            "an odd number, got '" + group + "'", ex.getMessage());
    }

    @Test
    void apiNamesAFaceOrIsLeftToJrun() throws UsageException
    {
        assertNull(JrunOptions.parse("-np", "2", "Main").api());
        assertEquals(ApiFace.OPENMPI, JrunOptions.parse("-np", "2", "--api", "openmpi", "Main").api());
        assertEquals(ApiFace.MPIJAVA, JrunOptions.parse("-np", "2", "--api", "mpijava", "Main").api());
        final UsageException ex = assertThrows(
            UsageException.class, () -> JrunOptions.parse("-np", "2", "--api", "mpich", "Main"));
        assertEquals("--api expects mpijava or openmpi, got 'mpich'", ex.getMessage());
    }

    @Test
    void helpNeedsNothingElse() throws UsageException
    {
        assertTrue(JrunOptions.parse("--help").help());
        assertTrue(JrunOptions.parse("-np", "2", "-h").help());
    }

    @Test
    void usageDocumentsEveryOption()
    {
        for (final String option : List.of(
            "-np", "-n", "-cp", "--classpath", "-jar", "--no-prefix", "--timeout", "--grace", "-J<flag>", "--jvm-arg",
            "--job-id", "--host", "--hostfile", "--map-by", "--launch-agent", "--interface", "--multicast", "--api",
            "-x", "-wdir", "--wdir", "-N", "--npernode", "--bind-to", "--report-bindings", "--output-filename",
            "--oversubscribe", "--tag-output", "--version", "--help"))
        {
            assertTrue(JrunOptions.USAGE.contains(option + " ") || JrunOptions.USAGE.contains(option + ","), option);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "-np 0 Main                   | -np expects a positive number of ranks, got '0'",
        "-np -1 Main                  | -np expects a positive number of ranks, got '-1'",
        "-np abc Main                 | -np expects a positive number of ranks, got 'abc'",
        "-np 99999999999 Main         | -np expects a positive number of ranks, got '99999999999'",
        "-np                          | option -np needs a value",
        "-x 1A=b Main                 | -x expects VAR or VAR=VALUE with VAR a variable name, got '1A=b'",
        "--bind-to socket Main        | --bind-to expects core or none, got 'socket'",
        "-N 0 Main                    | -N expects a positive number of ranks per host, got '0'",
        "-wdir                        | option -wdir needs a value",
        "-np 2                        | missing the main class to run (or -jar APP.jar)",
        "-np 2 --no-prefix            | missing the main class to run (or -jar APP.jar)",
        "-np 2 --bogus Main           | unknown option --bogus",
        "-np 2 -J Main                | unknown option -J",
        "-np 2 -jar                   | option -jar needs a value",
        "-np 2 --timeout 0 Main       | --timeout expects a positive number of seconds, got '0'",
        "-np 2 --timeout 1.5 Main     | --timeout expects a positive number of seconds, got '1.5'",
        "-np 2 --job-id ../x Main     | --job-id expects letters, digits, '-' and '_' (at most 64), got '../x'",
        "-np 2 --timeout 3000000000 M | --timeout expects a positive number of seconds, got '3000000000'",
        "-np 2 --grace -1 Main        | --grace expects a non-negative number of seconds, got '-1'",
        "-np 2 --grace soon Main      | --grace expects a non-negative number of seconds, got 'soon'",
        "-np 2 --grace                | option --grace needs a value",
    })
    void rejectsBadInputWithOneLine(final String commandLine, final String message)
    {
        final UsageException ex = assertThrows(
            UsageException.class, () -> JrunOptions.parse(commandLine.trim().split(" +")));

        assertEquals(message, ex.getMessage());
    }

    @Test
    void rejectsEmptyCommandLine()
    {
        final UsageException ex = assertThrows(UsageException.class, JrunOptions::parse);

        assertEquals("missing the main class to run (or -jar APP.jar)", ex.getMessage());
    }

    @Test
    void theRankCountIsNpElseNPerHostElseTheSlotsOfTheHosts() throws UsageException
    {
        final List<HostList.Host> hosts = List.of(new HostList.Host("a", 2), new HostList.Host("b", 3));
        assertEquals(4, RankCount.of(JrunOptions.parse("-np", "4", "M"), hosts, Map.of()));
        assertEquals(5, RankCount.of(JrunOptions.parse("M"), hosts, Map.of()));
        assertEquals(6, RankCount.of(JrunOptions.parse("-N", "3", "M"), hosts, Map.of()));
        assertEquals(3, RankCount.of(JrunOptions.parse("-N", "3", "M"), List.of(), Map.of()));
        assertEquals("missing -np N, the number of ranks to start", assertThrows(UsageException.class,
            () -> RankCount.of(JrunOptions.parse("M"), List.of(), Map.of())).getMessage());
        assertEquals(7, RankCount.of(JrunOptions.parse("--launch-agent", "srun", "M"), hosts,
            Map.of("SLURM_NTASKS", "7")));
        assertEquals("-np 7 exceeds -N 3 ranks on each of 2 hosts", assertThrows(UsageException.class,
            () -> RankCount.of(JrunOptions.parse("-np", "7", "-N", "3", "M"), hosts, Map.of())).getMessage());
    }

    @Test
    void mpirunOptionsAreParsed() throws UsageException
    {
        final JrunOptions options = JrunOptions.parse("-np", "2", "-x", "A=1", "-x", "B", "-wdir", "/w", "-N", "2",
            "--bind-to", "core", "--report-bindings", "--output-filename", "/o", "--oversubscribe", "--tag-output",
            "Main", "arg");
        assertEquals(List.of("A=1", "B"), options.exports());
        assertEquals("/w", options.workingDirectory());
        assertEquals(2, options.ranksPerNode());
        assertTrue(options.bindToCore() && options.reportBindings());
        assertEquals("/o", options.outputDirectory());
        assertEquals(List.of("arg"), options.programArgs());
        assertTrue(JrunOptions.parse("-V").version() && JrunOptions.parse("--version").version());
    }
}
