package org.slapdesk.remote.action.forward;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slapdesk.remote.action.Validate;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/**
 * Where a frontend listens: the {@code :PORT {} blocks and their {@code bind ADDRESS} lines in
 * the partitions' Caddyfiles (seed 003: {@code grep '^:\|bind' /srv/slapgrid/slappart*&#47;etc/Caddyfile}).
 */
public final class FrontendBinds {

    /** One frontend listener: partition folder, port and bound address. */
    public record Bind(String partition, int port, String address) {
        /** {@code slappart3  :443  bind 10.0.0.5}. */
        public String describe() {
            return partition + "  :" + port + "  bind " + address;
        }
    }

    private static final Pattern BLOCK = Pattern.compile("^:(\\d+)\\s*\\{");
    private static final Pattern BIND = Pattern.compile("^\\s*bind\\s+(\\S+)");

    private FrontendBinds() {}

    public static List<Bind> find(NodeConnection node, String instanceRoot) throws NodeException {
        Validate.absolutePath(instanceRoot);
        String out = node.run("for f in " + Shell.quote(instanceRoot) + "/*/etc/Caddyfile; do [ -f \"$f\" ] &&"
                        + " grep -H '^:\\|bind' \"$f\"; done; true")
                .requireOk()
                .stdout();
        return parse(out, instanceRoot);
    }

    /** Parses {@code grep -H} output: {@code FILE:LINE}. */
    static List<Bind> parse(String grepOutput, String instanceRoot) {
        List<Bind> binds = new ArrayList<>();
        String currentFile = null;
        int currentPort = -1;
        for (String line : grepOutput.split("\n")) {
            int sep = line.indexOf("/etc/Caddyfile:");
            if (sep < 0) {
                continue;
            }
            String file = line.substring(0, sep);
            String text = line.substring(sep + "/etc/Caddyfile:".length());
            if (!file.equals(currentFile)) {
                currentFile = file;
                currentPort = -1;
            }
            Matcher block = BLOCK.matcher(text);
            Matcher bind = BIND.matcher(text);
            if (block.find()) {
                currentPort = Integer.parseInt(block.group(1));
            } else if (bind.find() && currentPort > 0) {
                String partition =
                        file.startsWith(instanceRoot + "/") ? file.substring(instanceRoot.length() + 1) : file;
                Bind b = new Bind(partition, currentPort, bind.group(1));
                if (!binds.contains(b)) {
                    binds.add(b);
                }
            }
        }
        return binds;
    }
}
