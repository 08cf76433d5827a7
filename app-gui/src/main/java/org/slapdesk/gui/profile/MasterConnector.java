package org.slapdesk.gui.profile;

import org.slapdesk.core.master.Master;

/** Opens the master a profile names; may block (starts a local master, loads certificates). */
@FunctionalInterface
public interface MasterConnector {
    Master connect(Profile profile) throws Exception;
}
