package org.slapdesk.gui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.slapdesk.core.health.HealthSpan;
import org.slapdesk.gui.health.HealthViews;
import org.slapdesk.gui.util.Times;

/** One object's colours over time as a bar: each span as wide as it lasted, its reason in a tooltip. */
final class HealthStrip {

    private final GridPane bar = new GridPane();

    HealthStrip() {
        bar.setId("health-strip");
        bar.getStyleClass().add("health-strip");
        bar.setMinHeight(18);
        bar.setPrefHeight(22);
        bar.setMaxWidth(Double.MAX_VALUE);
    }

    GridPane node() {
        return bar;
    }

    /** Lays the spans over {@code [from, to]}; the time before the first recorded span stays blank. */
    void show(List<HealthSpan> spans, Instant from, Instant to) {
        bar.getChildren().clear();
        bar.getColumnConstraints().clear();
        double total = Math.max(1, Duration.between(from, to).toMillis());
        Instant start = spans.isEmpty() ? to : spans.get(0).from();
        if (start.isAfter(from)) {
            bar.getColumnConstraints()
                    .add(percent(100.0 * Duration.between(from, start).toMillis() / total));
            bar.add(new Region(), 0, 0);
        }
        for (HealthSpan span : spans) {
            // a span shorter than the bar's resolution still shows as a sliver
            double share = Math.max(
                    0.5, 100.0 * Duration.between(span.from(), span.to()).toMillis() / total);
            bar.getColumnConstraints().add(percent(share));
            Region piece = new Region();
            piece.getStyleClass().addAll("health-strip-span", HealthViews.styleClass(span.health()));
            piece.setMinHeight(18);
            piece.setMaxWidth(Double.MAX_VALUE);
            Tooltip.install(
                    piece,
                    new Tooltip(HealthViews.label(span.health()) + " from " + Times.date(span.from()) + " to "
                            + Times.date(span.to())
                            + (span.health().reason().isBlank()
                                    ? ""
                                    : ": " + span.health().reason())));
            bar.add(piece, bar.getColumnConstraints().size() - 1, 0);
        }
    }

    private static ColumnConstraints percent(double value) {
        ColumnConstraints column = new ColumnConstraints();
        column.setPercentWidth(value);
        return column;
    }
}
