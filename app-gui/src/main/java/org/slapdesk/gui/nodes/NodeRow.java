package org.slapdesk.gui.nodes;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.remote.ssh.NodeConnection;

/** A known node in the table: what is stored about it, whether it is connected, the last result on it. */
public final class NodeRow {

    /** The node's SSH link as the page sees it. */
    public enum Link {
        OFFLINE,
        CONNECTING,
        CONNECTED
    }

    private final ObjectProperty<KnownNodeRecord> record;
    private final ObjectProperty<Link> link = new SimpleObjectProperty<>(Link.OFFLINE);
    private final StringProperty lastResult = new SimpleStringProperty("");
    private final ObjectProperty<Instant> lastResultAt = new SimpleObjectProperty<>();
    private volatile NodeConnection connection;
    private Object attempt;

    NodeRow(KnownNodeRecord record) {
        this.record = new SimpleObjectProperty<>(record);
        record.lastResult().ifPresent(r -> {
            lastResult.set(r.text());
            lastResultAt.set(r.at());
        });
    }

    public ObjectProperty<KnownNodeRecord> recordProperty() {
        return record;
    }

    public KnownNodeRecord record() {
        return record.get();
    }

    public ObjectProperty<Link> linkProperty() {
        return link;
    }
    /** The last result's text: set through the page's model, which also stamps and stores it. */
    public StringProperty lastResultProperty() {
        return lastResult;
    }
    /** When the last result came; null before the first. */
    public ObjectProperty<Instant> lastResultAtProperty() {
        return lastResultAt;
    }

    public String label() {
        return record.get().label();
    }

    /** The operator's name for the node, else {@code user@host:port}. */
    public String displayName() {
        return record.get().displayName();
    }

    public StringBinding displayNameBinding() {
        return Bindings.createStringBinding(() -> record.get().displayName(), record);
    }

    public StringBinding labelBinding() {
        return Bindings.createStringBinding(() -> record.get().label(), record);
    }

    public StringBinding text(Function<KnownNodeRecord, String> part) {
        return Bindings.createStringBinding(() -> part.apply(record.get()), record);
    }

    public static String keyText(KnownNodeRecord r) {
        return r.keyPath().map(Path::toString).orElse("agent / ~/.ssh");
    }

    public static String sudoText(KnownNodeRecord r) {
        return "root".equals(r.user()) ? "no" : "yes";
    }

    public static String fingerprintText(KnownNodeRecord r) {
        return r.hostKeyFingerprint().orElse("");
    }

    public static String slaposText(KnownNodeRecord r) {
        return r.slaposCommand() + " --cfg " + r.slaposConfig();
    }

    public static String jumpText(KnownNodeRecord r) {
        return r.jumpHost().orElse("");
    }

    boolean sameNode(KnownNodeRecord other) {
        KnownNodeRecord r = record.get();
        return r.host().equals(other.host())
                && r.port() == other.port()
                && r.user().equals(other.user());
    }

    /** The connection attempt that may still change this row (FX thread). */
    Object attempt() {
        return attempt;
    }

    void attempt(Object value) {
        attempt = value;
    }

    /** The open connection, from any thread. */
    public Optional<NodeConnection> connection() {
        NodeConnection c = connection;
        return c != null && c.isOpen() ? Optional.of(c) : Optional.empty();
    }

    void connection(NodeConnection c) {
        this.connection = c;
    }

    NodeConnection takeConnection() {
        NodeConnection c = connection;
        connection = null;
        return c;
    }
}
