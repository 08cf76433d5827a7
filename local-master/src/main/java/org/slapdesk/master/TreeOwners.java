package org.slapdesk.master;

import java.util.Optional;
import org.slapdesk.master.store.Database;

/**
 * Who owns each instance tree: the user who requested it first. Other users neither see nor
 * change it; an administrator (a certificate issued with the admin flag, or the local operator
 * on plain loopback) sees and changes every tree. A tree requested before owners were recorded
 * goes to the next user who requests it.
 */
public final class TreeOwners {

    private final Database database;

    public TreeOwners(Database database) {
        this.database = database;
    }

    /** Before {@code user} requests {@code rootTitle}: records the owner, or refuses another user's tree. */
    public void claim(String user, boolean admin, String rootTitle) {
        database.inStore(store -> {
            Optional<String> owner = store.treeOwner(rootTitle);
            if (owner.isEmpty()) {
                store.claimTree(rootTitle, user);
            } else if (!admin && !owner.get().equals(user)) {
                throw RequestError.forbidden("the instance tree '" + rootTitle + "' belongs to another user");
            }
            return null;
        });
    }

    /** Whether {@code user} may see {@code rootTitle} (its owner, or an administrator; unowned trees are seen). */
    public boolean visible(String user, boolean admin, String rootTitle) {
        if (admin) {
            return true;
        }
        Optional<String> owner = database.inStore(store -> store.treeOwner(rootTitle));
        return owner.isEmpty() || owner.get().equals(user);
    }

    /** Refuses {@code user} a tree it may not see, as if it did not exist. */
    public void requireVisible(String user, boolean admin, String rootTitle) {
        if (!visible(user, admin, rootTitle)) {
            throw RequestError.notFound("no instance tree titled '" + rootTitle + "'");
        }
    }
}
