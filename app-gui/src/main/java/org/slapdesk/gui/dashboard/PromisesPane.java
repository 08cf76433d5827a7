package org.slapdesk.gui.dashboard;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.monitor.PromisePoint;
import org.slapdesk.core.monitor.PromiseResult;
import org.slapdesk.core.monitor.ServicePromises;
import org.slapdesk.gui.health.HealthViews;
import org.slapdesk.gui.util.Tables;
import org.slapdesk.gui.util.Times;

/**
 * The Services page's "Promises" tab: the selected service's promises as its instance monitors
 * report them (status, message, since when, a strip of the last results).
 */
public final class PromisesPane {

    private static final int STRIP_POINTS = 30;

    private final TableView<PromiseResult> table;

    public PromisesPane(
            ObservableValue<Map<String, ServicePromises>> promises, ObservableValue<String> service, Clock clock) {
        table = Tables.table(Bindings.createStringBinding(
                () -> emptyText(promises.getValue(), service.getValue()), promises, service));
        table.setId("promises-table");
        TableColumn<PromiseResult, Health> status = Tables.fixed(
                "Status", p -> new Health(p.status().level(), p.status().name().toLowerCase(Locale.ROOT)));
        status.setCellFactory(c -> HealthViews.cell());
        status.setMinWidth(90);
        TableColumn<PromiseResult, String> name = Tables.fixed("Promise", PromiseResult::name);
        name.setPrefWidth(200);
        TableColumn<PromiseResult, String> instance = Tables.fixed("Instance", PromiseResult::instance);
        TableColumn<PromiseResult, String> message = Tables.fixed("Message", PromiseResult::message);
        message.setPrefWidth(320);
        TableColumn<PromiseResult, String> since = Tables.fixed(
                "Since",
                p -> p.since().map(at -> Ages.between(at, clock.instant())).orElse(""));
        TableColumn<PromiseResult, List<PromisePoint>> history = Tables.fixed("Last results", PromiseResult::history);
        history.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(List<PromisePoint> points, boolean empty) {
                super.updateItem(points, empty);
                setGraphic(empty || points == null ? null : strip(points));
            }
        });
        history.setMinWidth(STRIP_POINTS * 5 + 10);
        table.getColumns().setAll(List.of(status, name, instance, message, since, history));
        promises.addListener((o, was, now) -> show(now, service.getValue()));
        service.addListener((o, was, now) -> show(promises.getValue(), now));
        show(promises.getValue(), service.getValue());
    }

    public Node node() {
        return table;
    }

    private void show(Map<String, ServicePromises> all, String service) {
        List<PromiseResult> rows = Optional.ofNullable(service)
                .map(all::get)
                .map(ServicePromises::promises)
                .orElse(List.of());
        table.getItems().setAll(rows);
    }

    private static String emptyText(Map<String, ServicePromises> all, String service) {
        if (service == null) {
            return "No service selected.";
        }
        ServicePromises read = all.get(service);
        if (read == null) {
            return "No monitor read for this service: it publishes no monitor-base-url, or the first read is not done.";
        }
        return read.problem().map(p -> "The monitor cannot be read: " + p).orElse("The monitor lists no promise.");
    }

    private static Node strip(List<PromisePoint> points) {
        HBox strip = new HBox(1);
        strip.setAlignment(Pos.CENTER_LEFT);
        points.stream().skip(Math.max(0, points.size() - STRIP_POINTS)).forEach(point -> {
            Rectangle cell = new Rectangle(4, 14);
            cell.getStyleClass()
                    .add(HealthViews.styleClass(new Health(point.status().level(), "")));
            Tooltip.install(
                    cell,
                    new Tooltip(Times.date(point.at()) + " " + point.status()
                            + (point.message().isBlank() ? "" : ": " + point.message())));
            strip.getChildren().add(cell);
        });
        return strip;
    }
}
