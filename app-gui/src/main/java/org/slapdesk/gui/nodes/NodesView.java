package org.slapdesk.gui.nodes;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.slapdesk.gui.shell.PageView;

/** Nodes: will hold the SSH inventory and the node action wizards (node-remote); says so until then. */
public final class NodesView implements PageView {

    private final VBox root = new VBox(10);

    public NodesView() {
        root.getStyleClass().add("page");
        root.setId("nodes-page");
        Label title = new Label("Nodes over SSH");
        title.getStyleClass().add(Styles.TITLE_3);
        Label text = new Label("This page will list the machines you reach over SSH (host, user, key, host-key "
                + "fingerprint) and run the node actions on them with a preview of every command: register, "
                + "format, IPv6, bridge, KVM, socat forwarding, extra storage, re6st, status and logs.\n\n"
                + "Until then, use the command line: ./slapdesk node --help");
        text.setWrapText(true);
        text.setMaxWidth(720);
        root.getChildren().addAll(title, text);
    }

    @Override
    public Node node() {
        return root;
    }
}
