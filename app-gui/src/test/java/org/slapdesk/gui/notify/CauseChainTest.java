package org.slapdesk.gui.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.master.MasterException;

class CauseChainTest {

    @Test
    void aParserFailureReadsAsWordsWithoutTheParsersDumpOfItsSource() {
        Throwable parse = catchThrowable(() -> new ObjectMapper().readTree("{\"software-type\": "));
        MasterException error = new MasterException.BadResponse(
                "https://lab.example/kvm/software.cfg.json",
                "The schema document https://lab.example/kvm/software.cfg.json is not valid JSON",
                parse);

        List<String> causes = CauseChain.of(error);

        assertThat(causes).hasSize(2);
        assertThat(causes.get(0)).startsWith("The schema document");
        assertThat(causes.get(1)).startsWith("Unexpected end-of-input");
        assertThat(causes).noneMatch(line -> line.contains("Source") || line.contains("REDACTED"));
    }

    @Test
    void aWrappedCauseIsSaidOnceWithoutItsClassName() {
        ConnectException refused = new ConnectException("Connection refused");
        IOException wrapped = new IOException(refused);
        UncheckedIOException outer = new UncheckedIOException("Cannot reach the node", wrapped);

        assertThat(CauseChain.of(outer)).containsExactly("Cannot reach the node", "Connection refused");
    }

    @Test
    void aCauseWithoutAMessageIsNamedByItsKind() {
        assertThat(CauseChain.of(new IllegalStateException())).containsExactly("IllegalStateException (no message)");
    }
}
