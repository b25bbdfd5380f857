package io.jmpi.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command that starts a program on a host through the launch agent: {@code ssh} by default (this host
 * itself without one), {@code --launch-agent "CMD"} otherwise. {@code {host}} in CMD is replaced by the host; without it the host is
 * appended as ssh expects. A bare {@code srun} becomes {@code srun --nodes=1 --ntasks=1 --nodelist={host}}. For
 * ssh-like agents, which hand the remote shell one command line, the program's words are shell-quoted.
 */
final class LaunchAgent
{
    /** The default launch agent. */
    static final String DEFAULT = "ssh";
    private static final String HOST = "{host}";

    private LaunchAgent()
    {
    }

    static List<String> command(final String agent, final String host, final List<String> program)
    {
        if (null == agent && LocalHost.isLocal(host))
        {
            // this host among others: its agent needs no ssh, as mpirun starts its local daemon
            return program;
        }
        String template = null == agent ? DEFAULT : agent.trim();
        if ("srun".equals(template))
        {
            template = "srun --nodes=1 --ntasks=1 --nodelist=" + HOST;
        }
        final List<String> command = new ArrayList<>();
        boolean named = false;
        for (final String word : template.split("\\s+"))
        {
            named |= word.contains(HOST);
            command.add(word.replace(HOST, host));
        }
        if (!named)
        {
            command.add(host);
        }
        if (command.get(0).endsWith("ssh"))
        {
            final StringBuilder line = new StringBuilder();
            for (final String word : program)
            {
                line.append(line.length() > 0 ? " " : "").append('\'').append(word.replace("'", "'\\''")).append('\'');
            }
            command.add(line.toString());
        }
        else
        {
            command.addAll(program);
        }
        return command;
    }
}
