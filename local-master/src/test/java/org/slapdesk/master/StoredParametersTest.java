package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.wire.SlapObject;
import org.slapdesk.master.store.Database;

/**
 * Parameters go through the store as slapproxy's {@code dict2xml} / {@code xml2dict} carry them
 * (values as Python's {@code str()}, an empty value back as None), and what lxml cannot carry is
 * the caller's 400, not a row nobody can read.
 */
class StoredParametersTest {

    static final String SR = "https://lab.example/software/demo/software.cfg";

    @TempDir
    Path dir;

    Database database;
    MasterService master;

    @BeforeEach
    void open() throws Exception {
        database = Database.open(dir.resolve("m.sqlite"));
        master = new MasterService(database, Clock.systemUTC(), null, null);
        master.format(MasterServiceTest.computer("COMP-1", 1));
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    @Test
    void parametersReadBackAsSlapproxyReadsThem() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("tab\tand\nnewline", "kept");
        parameters.put("empty", "");
        parameters.put("float", 1e16);
        parameters.put("quote", List.of("it's"));
        parameters.put("\uE000", 1L);
        parameters.put("\uD83D\uDE00", 2L);
        master.request(new InstanceRequestForm(SR, "svc", null, parameters, Map.of(), null, false, null, null));

        Map<String, Object> read = parameterDict();
        // the values slapos.util.xml2dict(dict2xml(parameters)) gives in Python
        assertThat(read)
                .containsEntry("tab\tand\nnewline", "kept")
                .containsEntry("empty", null)
                .containsEntry("float", "1e+16")
                .containsEntry("quote", "[\"it's\"]")
                .containsEntry("\uE000", "1")
                .containsEntry("\uD83D\uDE00", "2");
    }

    @Test
    void aCharacterXmlCannotCarryIsABadRequest() {
        assertThatThrownBy(() -> master.request(new InstanceRequestForm(
                        SR, "svc", null, Map.of("bell", "ring \u0007"), Map.of(), null, false, null, null)))
                .isInstanceOfSatisfying(
                        RequestError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("partition_parameter_xml")
                .hasMessageContaining("U+0007");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parameterDict() {
        SlapObject computer = master.fullComputerInformation("COMP-1");
        List<Object> partitions = (List<Object>) computer.stateMap().get("_computer_partition_list");
        SlapObject busy = (SlapObject) partitions.get(0);
        return (Map<String, Object>) busy.stateMap().get("_parameter_dict");
    }
}
