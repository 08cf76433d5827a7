package org.slapdesk.gui.dashboard;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;
import org.slapdesk.core.health.ColourCounts;
import org.slapdesk.core.health.Health;

/** Counts per colour over time, stacked: red at the bottom so a problem is never hidden under green. */
final class HistoryChart {

    private static final List<Health.Level> STACK =
            List.of(Health.Level.RED, Health.Level.YELLOW, Health.Level.GREY, Health.Level.GREEN);
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("dd MMM HH:mm").withZone(ZoneId.systemDefault());

    private final NumberAxis time = new NumberAxis();
    private final NumberAxis count = new NumberAxis();
    private final StackedAreaChart<Number, Number> chart = new StackedAreaChart<>(time, count);

    HistoryChart() {
        chart.setId("history-chart");
        chart.getStyleClass().add("dashboard-history");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        chart.setMinHeight(160);
        time.setForceZeroInRange(false);
        time.setAutoRanging(false);
        count.setForceZeroInRange(true);
        count.setMinorTickVisible(false);
        time.setMinorTickVisible(false);
    }

    StackedAreaChart<Number, Number> node() {
        return chart;
    }

    /** Shows the buckets over {@code [from, to]}: ≤ ~700 points per colour, as the history aggregates them. */
    void show(List<ColourCounts> buckets, Instant from, Instant to) {
        long seconds = to.getEpochSecond() - from.getEpochSecond();
        time.setLowerBound(from.getEpochSecond());
        time.setUpperBound(to.getEpochSecond());
        time.setTickUnit(Math.max(60, seconds / 6.0));
        DateTimeFormatter format = seconds > 86_400 ? DAY : CLOCK;
        time.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return format.format(Instant.ofEpochSecond(value.longValue()));
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        // an area needs two points: the first minutes of a history show as dots
        chart.setCreateSymbols(buckets.size() < 3);
        List<XYChart.Series<Number, Number>> series = STACK.stream()
                .map(level -> {
                    XYChart.Series<Number, Number> one = new XYChart.Series<>();
                    one.setName(HealthTiles.label(level));
                    buckets.forEach(b -> one.getData()
                            .add(new XYChart.Data<>(
                                    b.start().plus(b.width().dividedBy(2)).getEpochSecond(), b.of(level))));
                    return one;
                })
                .toList();
        chart.getData().setAll(series);
    }
}
