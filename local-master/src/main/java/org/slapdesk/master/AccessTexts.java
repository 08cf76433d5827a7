package org.slapdesk.master;

/** The access status texts of docs/protocol.md, "Access status and health", as the SlapOS master writes them. */
final class AccessTexts {

    private AccessTexts() {}

    static String nodeContact(String computer) {
        return "#access " + computer;
    }

    static String building(String url) {
        return "#building software release " + url;
    }

    static String available(String url) {
        return "#access software release " + url + " available";
    }

    static String installError(String url) {
        return "#error while installing " + url;
    }

    static String started() {
        return "#access Instance correctly started";
    }

    static String stopped() {
        return "#access Instance correctly stopped";
    }

    static String instanceError(String log) {
        String tail = log == null ? "" : log.length() > 80 ? log.substring(log.length() - 80) : log;
        return "#error while instanciating: " + tail;
    }

    static String bang(String message) {
        return "#error bang called: " + (message == null ? "" : message);
    }

    static String noData(String reference) {
        return "#error no data found for " + reference;
    }

    /** The class of a text: its first word. {@code since} is kept while it does not change. */
    static String kind(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }
}
