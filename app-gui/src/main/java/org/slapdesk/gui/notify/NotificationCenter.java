package org.slapdesk.gui.notify;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.core.master.MasterException;

/**
 * Messages shown to the user. Active ones stay on screen until dismissed (an error that
 * vanishes before it is read is a common complaint about admin consoles); every one is also kept in
 * the history. FX thread only.
 */
public final class NotificationCenter {

    private static final int HISTORY_KEPT = 500;

    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final ObservableList<Notification> active = FXCollections.observableArrayList();
    private final ObservableList<Notification> history = FXCollections.observableArrayList();

    public NotificationCenter(Clock clock) {
        this.clock = clock;
    }

    public ObservableList<Notification> active() {
        return active;
    }

    /** Every notification, newest first. */
    public ObservableList<Notification> history() {
        return history;
    }

    public Notification error(String title, Throwable error) {
        return add(new Notification(
                ids.incrementAndGet(),
                Notification.Level.ERROR,
                title,
                readable(error),
                details(error),
                clock.instant(),
                CauseChain.of(error)));
    }

    /**
     * A short "it worked" message: shown for a few seconds (the view fades it), not kept in the
     * history, which is for what went wrong; the Activity page records every action anyway.
     */
    public Notification success(String title, String message) {
        Notification notification = new Notification(
                ids.incrementAndGet(), Notification.Level.SUCCESS, title, message, "", clock.instant());
        active.add(0, notification);
        return notification;
    }

    public Notification post(Notification.Level level, String title, String message, String details) {
        return add(new Notification(ids.incrementAndGet(), level, title, message, details, clock.instant()));
    }

    private Notification add(Notification notification) {
        active.add(0, notification);
        history.add(0, notification);
        if (history.size() > HISTORY_KEPT) {
            history.remove(HISTORY_KEPT, history.size());
        }
        return notification;
    }

    public void dismiss(Notification notification) {
        active.remove(notification);
    }

    public void dismissAll() {
        active.clear();
    }

    /** The sentence to show: the master exceptions already speak to users; others get their type named. */
    static String readable(Throwable error) {
        String message = error.getMessage();
        if (error instanceof MasterException || error instanceof IllegalArgumentException) {
            return message == null ? error.getClass().getSimpleName() : message;
        }
        return message == null || message.isBlank()
                ? "unexpected " + error.getClass().getSimpleName()
                : message;
    }

    /** The technical details: the endpoint a master call went to, and the stack trace. */
    public static String details(Throwable error) {
        StringWriter text = new StringWriter();
        if (error instanceof MasterException master && master.endpoint() != null) {
            text.append("Endpoint: ").append(master.endpoint()).append("\n\n");
        }
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
