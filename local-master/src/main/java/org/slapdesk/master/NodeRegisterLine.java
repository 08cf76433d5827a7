package org.slapdesk.master;

/**
 * The {@code slapos node register} line to paste on a node, as {@code slapdesk serve token} and
 * the console's Token dialog print it. NODE-NAME and the interface are placeholders for the
 * node's own; the web URL goes without its trailing '/', since slapos adds
 * {@code /Person_requestComputer} to it.
 */
public record NodeRegisterLine(String masterUrl, String token) {

    public static final String NODE_NAME = "NODE-NAME";
    public static final String INTERFACE = "eth0";

    public NodeRegisterLine {
        masterUrl = masterUrl.endsWith("/") ? masterUrl : masterUrl + "/";
    }

    public String webUrl() {
        return masterUrl.substring(0, masterUrl.length() - 1);
    }

    /** The command, as root on the node. */
    public String slaposCommand() {
        return "slapos node register " + NODE_NAME + " --token " + token + " --master-url " + masterUrl
                + " --master-url-web " + webUrl() + " --interface-name " + INTERFACE + " --partition-number 10";
    }

    /** The same registration driven from the console over SSH. */
    public String slapdeskCommand() {
        return "slapdesk node register " + NODE_NAME + " --host NODE --token " + token + " --master-url " + masterUrl
                + " --master-url-web " + webUrl();
    }
}
