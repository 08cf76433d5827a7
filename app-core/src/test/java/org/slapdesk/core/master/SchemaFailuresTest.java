package org.slapdesk.core.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SchemaFailuresTest {

    private static final URI SCHEMA = URI.create("https://lab.example/software/kvm/software.cfg.json");

    @Test
    void aFailureWithoutAMessageSaysWhatWasFetchedAndWhatToDoInsteadOfNull() {
        MasterException failure =
                SchemaFailures.fetching(SCHEMA, new MasterException.Unreachable("https://lab.example", null, null));
        assertThat(failure)
                .isInstanceOf(MasterException.Unreachable.class)
                .hasMessageStartingWith("Cannot read the schema document " + SCHEMA + ": it failed without saying why")
                .hasMessageContaining("Check the release URL")
                .hasMessageContaining("raw JSON or XML")
                .hasMessageNotContaining("null");
    }

    @Test
    void theCausesOwnWordsComeFirstAsASentence() {
        MasterException failure = SchemaFailures.fetching(
                SCHEMA, new MasterException.BadResponse("https://lab.example", "the answer was cut short", null));
        assertThat(failure)
                .hasMessage("Cannot read the schema document " + SCHEMA + ": the answer was cut short. Check the"
                        + " release URL and that this computer can reach its server; meanwhile enter the parameters"
                        + " as raw JSON or XML.");
    }
}
