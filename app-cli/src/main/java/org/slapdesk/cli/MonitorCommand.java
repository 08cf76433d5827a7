package org.slapdesk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slapdesk.core.fleet.FleetOptions;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.HealthRecorder;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.monitor.InstanceMonitors;
import org.slapdesk.core.monitor.MetricsListenAddress;
import org.slapdesk.core.monitor.MonitoredFleet;
import org.slapdesk.core.monitor.PromiseReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slapdesk monitor}: headless, refreshes the fleet of one or more masters on an interval
 * and serves it as Prometheus metrics until stopped (SIGTERM or Ctrl-C).
 */
@Command(
        name = "monitor",
        exitCodeOnInvalidInput = 1,
        mixinStandardHelpOptions = true,
        description = "Serves the fleet's health and the services' promises as Prometheus metrics (no window),"
                + " refreshed on an interval; with --wrong, prints what is wrong now once.")
public final class MonitorCommand implements Callable<Integer> {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");
    private static final int MONITOR_READS = 4;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    MasterConnectionOptions connection;

    @Option(
            names = "--metrics-listen",
            paramLabel = "HOST:PORT",
            defaultValue = "127.0.0.1:9464",
            description = "where to serve /metrics (default: ${DEFAULT-VALUE}); loopback only unless --listen-any")
    String metricsListen;

    @Option(
            names = "--listen-any",
            description = "allow a non-loopback --metrics-listen address (the metrics name every node and service)")
    boolean listenAny;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "30s",
            description = "time between two refreshes, e.g. 30s, 2m (default: ${DEFAULT-VALUE})")
    String interval;

    @Option(
            names = "--wrong",
            description = "refresh once, read the instance monitors, print what is wrong now (red first, then"
                    + " oldest) and exit: 0 when nothing is red or yellow, 3 when something is, 1 on failure")
    boolean wrong;

    @Option(names = "--json", description = "with --wrong: print JSON")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (json && !wrong) {
            err.println("slapdesk monitor: --json goes with --wrong");
            err.flush();
            return 1;
        }
        if (wrong) {
            try {
                return new WrongNow(spec.commandLine().getOut(), err, json).run(openFleets());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            } catch (Exception e) {
                err.println("slapdesk monitor: " + e.getMessage());
                err.flush();
                return 1;
            }
        }
        FleetMonitor monitor;
        try {
            MetricsListenAddress listen = listenAddress(metricsListen, listenAny);
            Duration every = parseInterval(interval);
            monitor = FleetMonitor.start(openFleets(), listen, every, Clock.systemUTC());
        } catch (Exception e) {
            err.println("slapdesk monitor: " + e.getMessage());
            err.flush();
            return 1;
        }
        Thread onTerm = new Thread(monitor::close, "slapdesk-monitor-stop");
        Runtime.getRuntime().addShutdownHook(onTerm);
        err.println("slapdesk monitor: serving metrics on port " + monitor.port() + " every " + interval);
        err.flush();
        try {
            monitor.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            monitor.close();
            removeHook(onTerm);
        }
        return 0;
    }

    private List<MonitoredFleet> openFleets() throws Exception {
        List<MonitoredFleet> fleets = new ArrayList<>();
        try {
            for (MasterProfile profile : connection.profiles()) {
                SlapMaster master = connection.open(profile);
                FleetState fleet = FleetState.owning(
                        master, FleetOptions.defaults(), new HealthRules(Clock.systemUTC()), HealthRecorder.none());
                InstanceMonitors monitors =
                        new InstanceMonitors(master, new PromiseReader(Clock.systemUTC()), MONITOR_READS);
                fleets.add(new MonitoredFleet(profile.name(), fleet, Optional.of(monitors)));
            }
        } catch (Exception e) {
            fleets.forEach(MonitoredFleet::close);
            throw e;
        }
        return fleets;
    }

    /** A non-loopback address is refused unless {@code anyAllowed}: the metrics name every node and service. */
    static MetricsListenAddress listenAddress(String text, boolean anyAllowed) {
        MetricsListenAddress listen;
        try {
            listen = MetricsListenAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--metrics-listen: " + e.getMessage(), e);
        }
        if (!listen.isLoopback() && !anyAllowed) {
            throw new IllegalArgumentException("--metrics-listen " + text
                    + " is not a loopback address: the metrics name every node and service;"
                    + " add --listen-any to serve them on the network anyway");
        }
        return listen;
    }

    static Duration parseInterval(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--interval wants a duration such as 30s or 2m, not '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration every =
                switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofSeconds(amount);
                };
        if (every.toMillis() < 100) {
            throw new IllegalArgumentException("--interval must be at least 100ms");
        }
        return every;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (SIGTERM): the hook is running or has run
        }
    }
}
