package org.slapdesk.gui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop notifier runs the notify-send found on the PATH with the message as plain arguments. */
class NotifySendNotifierTest {

    @TempDir
    Path folder;

    @Test
    void runsNotifySendFromThePathWithTheMessageAsArguments() throws Exception {
        Path log = folder.resolve("calls.txt");
        Path bin = Files.createDirectories(folder.resolve("bin"));
        Path program = bin.resolve("notify-send");
        Files.writeString(program, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done > '" + log + "'\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));

        assertThat(NotifySendNotifier.onPath(folder.resolve("empty") + ":" + "/nonexistent"))
                .isEmpty();
        DesktopNotifier notifier =
                NotifySendNotifier.onPath("/nonexistent:" + bin).orElseThrow();
        notifier.show("lab: Service shop turned red", "it's `broken`; $(rm -rf /) stays text");

        Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
        while (!Files.exists(log) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
        }
        Thread.sleep(200);
        assertThat(Files.readAllLines(log))
                .containsExactly(
                        "--app-name=Slapdesk",
                        "--urgency=critical",
                        "--",
                        "lab: Service shop turned red",
                        "it's `broken`; $(rm -rf /) stays text");
    }
}
