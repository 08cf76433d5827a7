package org.slapdesk.gui.dashboard;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ListChangeListener;
import org.slapdesk.core.health.Health;
import org.slapdesk.gui.servers.ServerRow;
import org.slapdesk.gui.servers.ServersViewModel;
import org.slapdesk.gui.services.ServiceRow;
import org.slapdesk.gui.services.ServicesViewModel;

/** The Dashboard: how many servers and services are green, yellow, red and grey. */
public final class DashboardViewModel {

    private final Map<Health.Level, IntegerProperty> servers = counters();
    private final Map<Health.Level, IntegerProperty> services = counters();
    private final ServersViewModel serversModel;
    private final ServicesViewModel servicesModel;

    public DashboardViewModel(ServersViewModel serversModel, ServicesViewModel servicesModel) {
        this.serversModel = serversModel;
        this.servicesModel = servicesModel;
        serversModel.afterRefresh(this::recount);
        servicesModel.afterRefresh(this::recount);
        serversModel.rows().addListener((ListChangeListener<ServerRow>) c -> recount());
        servicesModel.rows().addListener((ListChangeListener<ServiceRow>) c -> recount());
    }

    public ReadOnlyIntegerProperty servers(Health.Level level) {
        return servers.get(level);
    }

    public ReadOnlyIntegerProperty services(Health.Level level) {
        return services.get(level);
    }

    public void recount() {
        count(servers, serversModel.rows(), ServerRow::health);
        count(services, servicesModel.rows(), ServiceRow::health);
    }

    private static <T> void count(Map<Health.Level, IntegerProperty> into, List<T> rows, Function<T, Health> health) {
        Map<Health.Level, Integer> counts = new EnumMap<>(Health.Level.class);
        for (T row : rows) {
            Health h = health.apply(row);
            counts.merge(h == null ? Health.Level.GREY : h.level(), 1, Integer::sum);
        }
        into.forEach((level, property) -> property.set(counts.getOrDefault(level, 0)));
    }

    private static Map<Health.Level, IntegerProperty> counters() {
        Map<Health.Level, IntegerProperty> map = new EnumMap<>(Health.Level.class);
        for (Health.Level level : Health.Level.values()) {
            map.put(level, new SimpleIntegerProperty());
        }
        return map;
    }
}
