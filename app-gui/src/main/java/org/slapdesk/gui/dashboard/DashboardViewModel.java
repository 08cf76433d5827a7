package org.slapdesk.gui.dashboard;

import javafx.beans.property.ReadOnlyIntegerProperty;
import org.slapdesk.core.health.Health;
import org.slapdesk.gui.servers.ServersViewModel;
import org.slapdesk.gui.services.ServicesViewModel;

/** The Dashboard: how many servers and services are green, yellow, red and grey. */
public final class DashboardViewModel {

    private final ServersViewModel serversModel;
    private final ServicesViewModel servicesModel;

    public DashboardViewModel(ServersViewModel serversModel, ServicesViewModel servicesModel) {
        this.serversModel = serversModel;
        this.servicesModel = servicesModel;
    }

    public ReadOnlyIntegerProperty servers(Health.Level level) {
        return serversModel.list().count(level);
    }

    public ReadOnlyIntegerProperty services(Health.Level level) {
        return servicesModel.list().count(level);
    }
}
