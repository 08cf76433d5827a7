package org.slapdesk.gui.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Only the newest filter request reaches the table, however the lane and the FX thread interleave. */
class NewestWinsTest {

    /** Holds what it is given until the test runs it, so the test decides the interleaving. */
    private static final class Held implements Executor {
        private final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable work) {
            queue.add(work);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }
    }

    private final Held lane = new Held();
    private final Held fxThread = new Held();
    private final NewestWins newestWins = new NewestWins(lane, fxThread);
    private final List<String> computed = new ArrayList<>();
    private final List<String> applied = new ArrayList<>();

    private void submit(String query) {
        newestWins.submit(
                superseded -> {
                    computed.add(query);
                    return Optional.of(query);
                },
                applied::add);
    }

    @Test
    void aRequestSupersededBeforeItStartsIsNeverComputed() {
        submit("c");
        submit("co");
        submit("com");
        lane.runAll();
        fxThread.runAll();
        assertThat(computed).containsExactly("com");
        assertThat(applied).containsExactly("com");
    }

    @Test
    void aResultThatReachesTheFxThreadAfterANewerKeystrokeIsDropped() {
        submit("c");
        lane.runAll();
        submit("co");
        fxThread.runAll();
        assertThat(applied).as("the result of 'c' came after 'co' was typed").isEmpty();
        lane.runAll();
        fxThread.runAll();
        assertThat(computed).containsExactly("c", "co");
        assertThat(applied).containsExactly("co");
    }

    @Test
    void aComputationToldItIsSupersededGivesUpAndIsNotApplied() {
        List<Boolean> sawSuperseded = new ArrayList<>();
        newestWins.submit(
                superseded -> {
                    submit("co");
                    sawSuperseded.add(superseded.getAsBoolean());
                    return Optional.of("c");
                },
                applied::add);
        lane.runAll();
        fxThread.runAll();
        assertThat(sawSuperseded).containsExactly(true);
        assertThat(applied).containsExactly("co");
    }

    @Test
    void cancelDropsWhatIsPending() {
        submit("c");
        lane.runAll();
        newestWins.cancel();
        fxThread.runAll();
        assertThat(applied).isEmpty();
    }
}
