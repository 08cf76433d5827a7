package org.slapdesk.gui.nodes;

import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Validate;
import org.slapdesk.remote.action.slapos.SlaposNode;
import org.slapdesk.remote.ssh.SshAddress;

/**
 * The add / edit node form: name, group, host, port, user, key file, jump host, where slapos and its
 * slapos.cfg are on the node, each checked as it is typed; every problem names the field,
 * what is wrong and an example of what is right.
 */
public final class NodeForm {

    private static final int MAX_NAME = 100;

    private final Optional<KnownNodeRecord> original;
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("22");
    private final StringProperty user = new SimpleStringProperty("root");
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final StringProperty jump = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty tag = new SimpleStringProperty("");
    private final StringProperty slaposCommand = new SimpleStringProperty(KnownNodeRecord.DEFAULT_SLAPOS_COMMAND);
    private final StringProperty slaposConfig = new SimpleStringProperty(KnownNodeRecord.DEFAULT_SLAPOS_CONFIG);
    private final StringProperty problem = new SimpleStringProperty("");
    private final Path home;

    private NodeForm(Optional<KnownNodeRecord> original, Path home) {
        this.original = original;
        this.home = home;
        original.ifPresent(n -> {
            host.set(n.host());
            port.set(Integer.toString(n.port()));
            user.set(n.user());
            keyFile.set(n.keyPath().map(Path::toString).orElse(""));
            jump.set(n.jumpHost().orElse(""));
            name.set(n.name());
            tag.set(n.tag());
            slaposCommand.set(n.slaposCommand());
            slaposConfig.set(n.slaposConfig());
        });
        for (StringProperty field :
                new StringProperty[] {name, tag, host, port, user, keyFile, jump, slaposCommand, slaposConfig}) {
            field.addListener((o, was, now) -> check());
        }
        check();
    }

    public static NodeForm blank(Path home) {
        return new NodeForm(Optional.empty(), home);
    }

    public static NodeForm editing(KnownNodeRecord node, Path home) {
        return new NodeForm(Optional.of(node), home);
    }

    public Optional<KnownNodeRecord> original() {
        return original;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public StringProperty jumpProperty() {
        return jump;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The node's group, e.g. paris: nodes of a group are selected together. */
    public StringProperty tagProperty() {
        return tag;
    }

    public StringProperty slaposCommandProperty() {
        return slaposCommand;
    }

    public StringProperty slaposConfigProperty() {
        return slaposConfig;
    }

    /** The first problem of the form, naming its field; empty when the form is good. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public BooleanBinding validProperty() {
        return Bindings.createBooleanBinding(() -> problem.get().isEmpty(), problem);
    }

    private void check() {
        try {
            toRecord();
            problem.set("");
        } catch (InvalidInputException e) {
            problem.set(e.getMessage());
        }
    }

    /**
     * The node as typed (keeping the fingerprint recorded for it if host, port and user did
     * not change), or an {@link InvalidInputException} naming the bad field.
     */
    public KnownNodeRecord toRecord() {
        String n = name.get().strip();
        if (n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(
                    "Name: at most " + MAX_NAME + " characters on one line (e.g. COMP-0 paris)");
        }
        String group = tag.get().strip();
        if (!KnownNodeRecord.isTag(group)) {
            throw new InvalidInputException(
                    "Group: one word of at most 40 letters, digits, '.', '_' or '-' (e.g. paris), or empty");
        }
        String h = host.get().strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        try {
            checkHost(h);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("Host: " + e.getMessage());
        }
        int p;
        try {
            p = Validate.port(port.get());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("Port: " + e.getMessage());
        }
        String u = user.get().strip();
        try {
            checkUser(u);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("User: " + e.getMessage());
        }
        Optional<Path> key = Optional.empty();
        String k = keyFile.get().strip();
        if (!k.isEmpty()) {
            String expanded = k.startsWith("~/") ? home.resolve(k.substring(2)).toString() : k;
            try {
                Validate.absolutePath(expanded);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("Key file: " + e.getMessage() + " (e.g. ~/.ssh/id_ed25519)");
            }
            key = Optional.of(Path.of(expanded));
        }
        Optional<String> jumpHost = Optional.empty();
        if (!jump.get().isBlank()) {
            try {
                HostSpec.parse(jump.get(), u);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("Jump host: " + e.getMessage() + " (write [user@]host[:port])");
            }
            jumpHost = Optional.of(jump.get().strip());
        }
        String command = slaposCommand.get().strip();
        try {
            SlaposNode.validateCommand(command);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("slapos command: " + e.getMessage());
        }
        String config = slaposConfig.get().strip();
        try {
            Validate.absolutePath(config);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(
                    "slapos.cfg: " + e.getMessage() + " (e.g. " + KnownNodeRecord.DEFAULT_SLAPOS_CONFIG + ")");
        }
        String finalHost = h;
        Optional<String> fingerprint = original.filter(o ->
                        o.host().equals(finalHost) && o.port() == p && o.user().equals(u))
                .flatMap(KnownNodeRecord::hostKeyFingerprint);
        Optional<KnownNodeRecord.LastResult> lastResult = original.flatMap(KnownNodeRecord::lastResult);
        Optional<String> computerId = original.flatMap(KnownNodeRecord::computerId);
        return new KnownNodeRecord(
                h, p, u, key, jumpHost, fingerprint, n, command, config, lastResult, group, computerId);
    }

    static void checkHost(String host) {
        try {
            SshAddress.checkHost(host);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    static void checkUser(String user) {
        try {
            SshAddress.checkUser(user);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}
