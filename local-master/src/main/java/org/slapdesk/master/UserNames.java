package org.slapdesk.master;

/** The names a user certificate may carry (its CN), as {@code slapdesk serve issue-user} accepts them. */
public final class UserNames {

    public static final String PATTERN = "[A-Za-z0-9._@-]{1,64}";

    private UserNames() {}
}
