package org.slapdesk.remote.action;

import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;

/**
 * One thing an operator does to a node. Its input is validated when it is built (an
 * {@link InvalidInputException} before anything runs). {@link #plan} reads the node and
 * says exactly what would change; {@link PlanRunner} applies it, then {@link #verify} reads
 * the node back; a failure anywhere undoes what the plan changed.
 */
public interface NodeAction {

    String title();

    Plan plan(NodeConnection node) throws NodeException;

    Verification verify(NodeConnection node) throws NodeException;
}
