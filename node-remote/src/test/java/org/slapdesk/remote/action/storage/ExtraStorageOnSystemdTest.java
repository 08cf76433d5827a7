package org.slapdesk.remote.action.storage;

import org.slapdesk.testlab.HostOptions;

/**
 * The extra storage tests again on a host whose pid 1 is systemd: mounting, the fstab edit and
 * {@code mount -a} as a reboot stand-in behave the same while systemd watches the mount table.
 */
class ExtraStorageOnSystemdTest extends ExtraStorageActionTest {

    @Override
    protected HostOptions hostOptions() {
        return HostOptions.withSystemd();
    }
}
