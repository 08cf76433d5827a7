package org.slapdesk.gui;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.gui.activity.ActivityLog;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.notify.NotificationCenter;
import org.slapdesk.gui.session.MasterSession;
import org.slapdesk.gui.task.Sleeper;
import org.slapdesk.gui.task.TaskService;

/**
 * Wiring for ViewModel tests without a toolkit: tasks run synchronously on the calling thread,
 * the FX thread is the calling thread, and waits return at once.
 */
public final class Direct {

    public final Clock clock;
    public final NotificationCenter notifications;
    public final TaskService tasks;
    public final MasterSession session;
    public final HealthRules health;
    public final ActivityLog activity;
    public final FakeMaster master = new FakeMaster();

    public Direct(Instant now) {
        clock = Clock.fixed(now, ZoneOffset.UTC);
        notifications = new NotificationCenter(clock);
        tasks = new TaskService(Runnable::run, Runnable::run, notifications, Sleeper.NONE, clock);
        health = new HealthRules(clock);
        session = new MasterSession(tasks, profile -> master, clock, health);
        activity = new ActivityLog(clock, () -> "test", ActivityStore.NONE);
    }

    public Direct connected() {
        session.open(MasterProfile.local());
        return this;
    }

    public Master currentMaster() {
        return session.master().orElseThrow();
    }

    public List<String> notificationTitles() {
        return notifications.active().stream().map(n -> n.title()).toList();
    }
}
