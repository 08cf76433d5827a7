package org.slapdesk.master.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per refused request: method, path (never the query), who called (certificate
 * subject or address), status, reason. Never a header value or a body, so never a token. A
 * request that failed on the master's side (5xx without a refusal reason) is one error line
 * with the same fields and the cause.
 */
final class RefusalLog {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);

    void refused(RequestHead head, String path, String caller, int status, String reason) {
        String method = head == null ? "-" : head.method();
        LOG.warn("refused {} {} from {}: {} {}", method, printable(path), caller, status, printable(reason));
    }

    void failed(RequestHead head, String path, String caller, int status, Throwable cause) {
        String method = head == null ? "-" : head.method();
        String why = cause == null ? "" : cause.toString();
        LOG.error("failed {} {} from {}: {} {}", method, printable(path), caller, status, printable(why), cause);
    }

    void cutOff(String caller, String reason) {
        LOG.warn("cut off the connection from {}: {}", caller, reason);
    }

    void refusedConnection(String caller, String reason) {
        LOG.warn("refused a connection from {}: 503 {}", caller, reason);
    }

    /** Control characters out, so a request cannot forge log lines. */
    private static String printable(String text) {
        String line = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
