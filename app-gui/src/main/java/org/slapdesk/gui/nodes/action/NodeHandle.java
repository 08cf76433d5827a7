package org.slapdesk.gui.nodes.action;

import java.util.function.Consumer;
import org.slapdesk.remote.action.bridge.Reconnect;
import org.slapdesk.remote.ssh.NodeConnection;

/**
 * The connected node the wizard works on: its label (for the audit log), the open connection,
 * how to open a new one (confirm-or-revert), and where to write the last result.
 */
public record NodeHandle(String label, NodeConnection connection, Reconnect reconnect, Consumer<String> lastResult) {}
