package org.slapdesk.remote.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.between("a", "b", "x\ny\n", "x\ny\n")).isEmpty();
    }

    @Test
    void matchesGnuDiffOnTypicalConfigEdits(@TempDir Path dir) throws Exception {
        StringBuilder base = new StringBuilder("[slapos]\n");
        for (int i = 0; i < 30; i++) {
            base.append("key").append(i).append(" = ").append(i).append('\n');
        }
        String original = base.toString();
        List<String> edited = List.of(
                original.replace("key5 = 5\n", "key5 = five\n"),
                original.replace("key2 = 2\n", "").replace("key20 = 20\n", "key20 = 20\nnew = 1\n"),
                original + "[slapformat]\ninterface_name = eth0\n",
                "[slapformat]\n" + original,
                original.replace("key29 = 29\n", "key29 = 29"),
                "");
        for (String after : edited) {
            Path a = Files.writeString(dir.resolve("a"), original);
            Path b = Files.writeString(dir.resolve("b"), after);
            Process diff = new ProcessBuilder("diff", "-u", a.toString(), b.toString()).start();
            String expected = new String(diff.getInputStream().readAllBytes());
            diff.waitFor();
            String ours = UnifiedDiff.between("a", "b", original, after);
            assertThat(body(ours)).as("diff for:\n" + after).isEqualTo(body(expected));
        }
    }

    private static String body(String diff) {
        return diff.substring(diff.indexOf("@@"));
    }
}
