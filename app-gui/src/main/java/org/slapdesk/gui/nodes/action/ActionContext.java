package org.slapdesk.gui.nodes.action;

import org.slapdesk.remote.action.bridge.Reconnect;
import org.slapdesk.remote.action.slapos.SlaposNode;
import org.slapdesk.remote.ssh.NodeException;

/** What building an action needs besides its form: where slapos is on the node, how to open a new connection to it. */
public record ActionContext(SlaposNode slapos, Reconnect reconnect) {

    /** For checking a form before any connection: a reconnect that says so if it were ever used. */
    public static ActionContext unconnected(SlaposNode slapos) {
        return new ActionContext(slapos, () -> {
            throw new NodeException("not connected: connect to the node first");
        });
    }
}
