package org.slapdesk.remote.action.slapos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Validate;
import org.slapdesk.remote.ssh.CommandResult;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.OutputListener;
import org.slapdesk.remote.ssh.Shell;

/**
 * The {@code slapos} command on a node: where it is and which slapos.cfg it reads. Builds the
 * exact {@code slapos node ...} command lines the actions run.
 */
public record SlaposNode(String slaposCommand, String configPath) {

    private static final Pattern PROCESS = Pattern.compile("[A-Za-z0-9_.@-]+(:[A-Za-z0-9_.@*-]+)?");

    private static final Pattern COMMAND_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");
    private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9_./+@:-]*");

    public SlaposNode {
        validateCommand(slaposCommand);
        Validate.absolutePath(configPath);
    }

    /**
     * The slapos command: a bare name looked up in the node's PATH ({@code slapos}) or an
     * absolute path ({@code /opt/slapos/bin/slapos}); no spaces or shell characters, since it
     * is one program, not a command line.
     */
    public static String validateCommand(String command) {
        if (command != null && COMMAND_NAME.matcher(command).matches()) {
            return command;
        }
        if (command != null && command.startsWith("/")) {
            Validate.absolutePath(command);
            if (PLAIN_PATH.matcher(command).matches()) {
                return command;
            }
        }
        throw new InvalidInputException(
                "'" + command + "' is not a command: give a name found in the node's PATH"
                        + " (e.g. slapos) or an absolute path (e.g. /opt/slapos/bin/slapos), without spaces or shell characters");
    }

    /** {@code slapos} from PATH, {@code /etc/opt/slapos/slapos.cfg}. */
    public static SlaposNode standard() {
        return new SlaposNode("slapos", SlaposConfig.DEFAULT_PATH);
    }

    /**
     * {@code slapos node SUBCOMMAND --cfg CONFIG ARGS...}, every argument quoted. The config
     * comes first: the supervisor sub-commands pass everything after their name to supervisorctl.
     */
    public String command(String subcommand, String... arguments) {
        List<String> argv = new ArrayList<>(List.of(slaposCommand, "node", subcommand, "--cfg", configPath));
        argv.addAll(List.of(arguments));
        return Shell.command(argv);
    }

    /** A supervisor process name as {@code slapos node restart} takes it: {@code slappart0:nginx-on-watch}. */
    public static String validateProcess(String name) {
        if (name == null || !PROCESS.matcher(name).matches()) {
            throw new InvalidInputException("'" + name + "' is not a process name: expected PARTITION:PROCESS"
                    + " as `slapos node status` lists them, e.g. slappart0:nginx-on-watch");
        }
        return name;
    }

    /** The processes of the node's instance supervisord. */
    public List<ProcessStatus> status(NodeConnection node) throws NodeException {
        // supervisorctl exits 3 when some process is not running: the listing is still valid
        CommandResult result = node.exec(
                command("status"), null, Duration.ofSeconds(60), OutputListener.NONE, CancellationToken.none());
        List<ProcessStatus> processes = ProcessStatus.parseAll(result.stdout());
        if (result.exitCode() != 0 && processes.isEmpty()) {
            result.requireOk();
        }
        return processes;
    }
}
