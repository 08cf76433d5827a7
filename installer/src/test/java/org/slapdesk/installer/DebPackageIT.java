package org.slapdesk.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slapdesk.testlab.HostOptions;
import org.slapdesk.testlab.TestHost;
import org.slapdesk.testlab.TestLab;
import org.slapdesk.testlab.TestRequirements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The .deb end to end, as an operator meets it: built by installer/build from the reactor's jars,
 * installed with apt into a clean systemd test host (its root is an overlay, so nothing reaches
 * this machine), run, served by its systemd unit, then purged without a trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class DebPackageIT {

    private static final Logger LOG = LoggerFactory.getLogger(DebPackageIT.class);

    /** Folders the package may touch; listed before install and after purge to find leftovers. */
    private static final String LISTING = "find /opt /usr /lib /etc /var/lib /var/opt /srv -xdev 2>/dev/null"
            // apt's own records, and its PackageKit hook's
            + " | grep -v -E '^/var/lib/(dpkg|apt|systemd|ucf|PackageKit)(/|$)' | sort";

    private static final Duration APT_PATIENCE = Duration.ofMinutes(5);
    private static final Duration PROGRAM_PATIENCE = Duration.ofMinutes(2);

    private TestLab lab;
    private TestHost host;
    private Path deb;
    private String listingBeforeInstall;
    private LongHostCommand longCommand;

    @BeforeAll
    void buildThePackageAndStartACleanHost() throws Exception {
        TestRequirements.requireRootAndNamespaces();
        Path installer = Path.of(System.getProperty("slapdesk.installer.dir"));
        Path jars = Path.of(System.getProperty("slapdesk.app.input"));
        Instant start = Instant.now();
        deb = PackageBuild.run(installer, jars);
        LOG.info("built {} in {}", deb, Duration.between(start, Instant.now()));
        lab = TestLab.open();
        host = lab.startHost(HostOptions.withSystemd());
        // apt's hook wakes PackageKit over D-Bus, which then holds the dpkg lock for minutes
        host.sh("systemctl mask --now packagekit.service >/dev/null 2>&1 || true");
        listingBeforeInstall = host.sh(LISTING);
        longCommand = new LongHostCommand(host);
    }

    @AfterAll
    void stopTheHost() {
        if (host != null) {
            host.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void installsWithAptAndPutsEachPartInItsPlace() throws InterruptedException {
        TestHost.ExecResult install = longCommand.run(
                "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends '" + deb + "'",
                APT_PATIENCE);
        assertThat(install.exitCode())
                .as("apt-get install:\n%s\n%s", install.stdout(), install.stderr())
                .isZero();

        List<String> files = List.of(host.sh("dpkg -L slapdesk").split("\n"));
        assertThat(files)
                .contains(
                        "/usr/bin/slapdesk",
                        "/opt/slapdesk/bin/slapdesk",
                        "/opt/slapdesk/lib/runtime/lib/server/libjvm.so",
                        "/opt/slapdesk/lib/app/slapdesk.cfg",
                        "/usr/share/applications/slapdesk.desktop",
                        "/usr/share/icons/hicolor/scalable/apps/slapdesk.svg",
                        "/usr/share/man/man1/slapdesk.1.gz",
                        "/usr/share/doc/slapdesk/copyright",
                        "/lib/systemd/system/slapdesk.service");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            assertThat(files).contains("/usr/share/icons/hicolor/" + size + "x" + size + "/apps/slapdesk.png");
        }
        assertThat(files).anyMatch(f -> f.matches("/opt/slapdesk/lib/app/javafx-graphics-.*-linux\\.jar"));
        assertThat(host.sh("readlink -f /usr/bin/slapdesk").trim()).isEqualTo("/opt/slapdesk/bin/slapdesk");
        assertThat(host.sh("getent passwd slapdesk")).contains(":/var/lib/slapdesk:");
        assertThat(host.sh("systemctl is-enabled slapdesk.service || true").trim())
                .as("shipped, not enabled")
                .isEqualTo("disabled");
        assertThat(host.sh("test -s /opt/slapdesk/lib/app/slapdesk.jsa && echo archived"))
                .as("the class archive postinst makes")
                .contains("archived");
        assertThat(host.sh("slapdesk --help")).contains("Usage: slapdesk").contains("serve");
        assertThat(host.sh("man -P cat slapdesk 2>/dev/null || zcat /usr/share/man/man1/slapdesk.1.gz"))
                .contains("slapdesk.service");
    }

    @Test
    @Order(2)
    void theDesktopEntryIsValid() {
        TestHost.ExecResult validate = host.exec("desktop-file-validate", "/usr/share/applications/slapdesk.desktop");
        assertThat(validate.exitCode())
                .as("desktop-file-validate:\n%s%s", validate.stdout(), validate.stderr())
                .isZero();
        assertThat(validate.stdout() + validate.stderr()).doesNotContain("error");
        assertThat(host.sh("cat /usr/share/applications/slapdesk.desktop"))
                .contains("Categories=System;Network;Monitor;")
                .contains("Exec=slapdesk");
    }

    @Test
    @Order(3)
    void theInstalledProgramRendersItsWindowHeadless() throws Exception {
        Instant start = Instant.now();
        // Java takes the home folder from passwd, not $HOME: an empty tmpfs over /root, in a mount
        // namespace of its own, is the empty profile.
        TestHost.ExecResult snapshot = longCommand.run(
                "unshare --mount --propagation private sh -c 'mount -t tmpfs empty-profile /root && cd /root"
                        + " && slapdesk --snapshot /root/first-frame.png && cp first-frame.png /var/tmp/'",
                PROGRAM_PATIENCE);
        assertThat(snapshot.exitCode())
                .as("slapdesk --snapshot:\n%s", snapshot.stdout())
                .isZero();
        LOG.info("installed slapdesk --snapshot on an empty profile took {}", Duration.between(start, Instant.now()));
        byte[] png = Base64.getMimeDecoder().decode(host.sh("base64 /var/tmp/first-frame.png"));

        PictureCheck picture = PictureCheck.of(png);

        assertThat(picture.width()).isGreaterThanOrEqualTo(800);
        assertThat(picture.height()).isGreaterThanOrEqualTo(600);
        assertThat(picture.colours()).as("a blank frame has one or two colours").isGreaterThan(32);
    }

    @Test
    @Order(4)
    void theSystemdUnitServesTheLocalMasterAsItsOwnUser() throws InterruptedException {
        host.sh("systemctl start slapdesk.service");
        TestHost.ExecResult listening = longCommand.run(
                "for i in $(seq 120); do curl -s -o /dev/null http://127.0.0.1:8080/ && exit 0; sleep 1; done;"
                        + " journalctl -u slapdesk --no-pager; exit 1",
                PROGRAM_PATIENCE.plusMinutes(1));
        assertThat(listening.exitCode())
                .as("the service never listened:\n%s", listening.stdout())
                .isZero();

        TestHost.ExecResult nodes =
                longCommand.run("slapdesk master nodes --master-url http://127.0.0.1:8080/", PROGRAM_PATIENCE);

        assertThat(nodes.exitCode())
                .as("slapdesk master nodes:\n%s", nodes.stdout())
                .isZero();
        assertThat(nodes.stdout()).contains("REFERENCE");
        assertThat(host.sh("ps -o user= -p $(systemctl show -p MainPID --value slapdesk.service)")
                        .trim())
                .isEqualTo("slapdesk");
        assertThat(host.sh("stat -c '%a %U' /var/lib/slapdesk /var/lib/slapdesk/master.sqlite"))
                .isEqualTo("700 slapdesk\n600 slapdesk\n");
        host.sh("systemctl stop slapdesk.service");
        assertThat(host.sh("systemctl is-failed slapdesk.service || true").trim())
                .as("a stop is not a failure")
                .isEqualTo("inactive");
    }

    @Test
    @Order(5)
    void purgeLeavesNothingBehind() throws InterruptedException {
        List<String> installed = List.of(host.sh("dpkg -L slapdesk").split("\n"));
        TestHost.ExecResult purge =
                longCommand.run("DEBIAN_FRONTEND=noninteractive apt-get purge -y slapdesk", APT_PATIENCE);
        assertThat(purge.exitCode())
                .as("apt-get purge:\n%s\n%s", purge.stdout(), purge.stderr())
                .isZero();

        List<String> left = new ArrayList<>(List.of(host.sh(LISTING).split("\n")));
        left.removeAll(List.of(listingBeforeInstall.split("\n")));
        assertThat(left).as("paths that were not there before the install").isEmpty();
        assertThat(installed).contains("/opt/slapdesk");
        assertThat(host.sh("test -e /opt/slapdesk || test -e /var/lib/slapdesk || echo gone"))
                .as("the program and the service's database")
                .contains("gone");
        assertThat(host.exec("getent", "passwd", "slapdesk").exitCode()).isNotZero();
        assertThat(host.exec("getent", "group", "slapdesk").exitCode()).isNotZero();
        assertThat(host.sh("systemctl list-units --all --no-legend 'slapdesk*'"))
                .isBlank();
    }
}
