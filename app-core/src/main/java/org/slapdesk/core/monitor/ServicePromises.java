package org.slapdesk.core.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slapdesk.core.health.Health;

/**
 * What the monitor of one service said at {@code readAt}: its promises (every instance of the
 * tree that the monitor's OPML lists), or, when the monitor could not be read, why ({@code
 * problem}: unreachable, wrong password, bad document…) with no promises.
 *
 * <p>{@link #health()} is the instance's health with its promises: red when a promise is in
 * ERROR, yellow when one is in WARNING or the monitor cannot be read (as the monitoring app
 * shows an unreachable monitor), green when all are OK.
 */
public record ServicePromises(
        String serviceTitle,
        String monitorBaseUrl,
        List<PromiseResult> promises,
        Optional<String> problem,
        Instant readAt) {

    public ServicePromises {
        Objects.requireNonNull(serviceTitle, "serviceTitle");
        Objects.requireNonNull(monitorBaseUrl, "monitorBaseUrl");
        Objects.requireNonNull(readAt, "readAt");
        promises = List.copyOf(promises);
        problem = problem == null ? Optional.empty() : problem;
    }

    public static ServicePromises unreadable(String serviceTitle, String baseUrl, String problem, Instant at) {
        return new ServicePromises(serviceTitle, baseUrl, List.of(), Optional.of(problem), at);
    }

    public Health health() {
        if (problem.isPresent()) {
            return Health.yellow("monitor unreadable: " + problem.get());
        }
        List<PromiseResult> failing =
                promises.stream().filter(p -> p.status() == PromiseStatus.ERROR).toList();
        if (!failing.isEmpty()) {
            return Health.red(failing.size() + " promise(s) failing: "
                    + failing.get(0).name() + ": " + failing.get(0).message());
        }
        Optional<PromiseResult> warning = promises.stream()
                .filter(p -> p.status() == PromiseStatus.WARNING)
                .findFirst();
        if (warning.isPresent()) {
            return Health.yellow(
                    "promise " + warning.get().name() + ": " + warning.get().message());
        }
        return Health.green(promises.size() + " promise(s) OK");
    }
}
