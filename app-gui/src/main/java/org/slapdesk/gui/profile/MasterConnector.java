package org.slapdesk.gui.profile;

import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterProfile;

/** Opens the master a profile names; may block (starts a local master, loads certificates). */
@FunctionalInterface
public interface MasterConnector {
    Master connect(MasterProfile profile) throws Exception;
}
