package org.slapdesk.gui.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FilterIndexTest {

    private final FilterIndex<String> index = new FilterIndex<>(row -> Stream.of(row, "Title of " + row));

    @Test
    void everyWordMustAppearIgnoringCase() {
        index.index("COMP-1");
        index.index("COMP-2");
        assertThat(FilterIndex.matching(index.entries(), "  title COMP-1 ", () -> false))
                .contains(Set.of("COMP-1"));
        assertThat(FilterIndex.matching(index.entries(), "comp", () -> false)).contains(Set.of("COMP-1", "COMP-2"));
    }

    @Test
    void theEntriesAreTakenAgainOnlyWhenATextChanged() {
        index.index("COMP-1");
        List<FilterIndex.Entry<String>> first = index.entries();
        index.index("COMP-1");
        assertThat(index.entries()).as("same text: the same list").isSameAs(first);
        index.remove("COMP-1");
        assertThat(index.entries()).isEmpty();
        assertThat(first).as("a list already handed out does not change").hasSize(1);
    }

    @Test
    void aSupersededScanGivesUp() {
        for (int i = 0; i < 5000; i++) {
            index.index("COMP-" + i);
        }
        AtomicInteger asked = new AtomicInteger();
        Optional<Set<String>> matches =
                FilterIndex.matching(index.entries(), "comp", () -> asked.incrementAndGet() > 1);
        assertThat(matches).isEmpty();
        assertThat(asked.get()).as("it stopped at the second check").isEqualTo(2);
    }
}
