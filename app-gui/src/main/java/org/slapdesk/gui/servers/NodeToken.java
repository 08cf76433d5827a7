package org.slapdesk.gui.servers;

import java.util.Optional;
import org.slapdesk.master.NodeRegisterLine;

/** A master's answer to the Token button: the token (empty when it gives none) and where nodes register. */
public record NodeToken(Optional<String> token, String masterUrl) {

    /** The {@code slapos node register} line to paste on the node; empty without a token. */
    public Optional<String> registerLine() {
        return token.map(value -> new NodeRegisterLine(masterUrl, value).slaposCommand());
    }
}
