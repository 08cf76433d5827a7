package org.slapdesk.gui.activity;

import java.util.List;

/** Where the audit log lives between runs. */
public interface ActivityStore {

    /** Newest first. */
    List<ActivityEntry> load();

    void append(ActivityEntry entry);

    /** Keeps nothing: for tests and for a window without a data folder. */
    ActivityStore NONE = new ActivityStore() {
        @Override
        public List<ActivityEntry> load() {
            return List.of();
        }

        @Override
        public void append(ActivityEntry entry) {
            // nothing kept
        }
    };
}
