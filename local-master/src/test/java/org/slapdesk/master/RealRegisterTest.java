package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.config.IniFile;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.PassphraseProvider;
import org.slapdesk.core.master.TlsMaterial;
import org.slapdesk.master.AccessTokens.Kind;
import org.slapdesk.master.CertificateIssuer.Role;
import org.slapdesk.master.MasterQueries.NodeView;
import org.slapdesk.master.tls.CertificateAuthority;
import org.slapdesk.testlab.SlaposVenv;
import org.slapdesk.testlab.TestRequirements;

/**
 * The real {@code slapos node register}, {@code slapos configure client} and {@code slapos
 * computer token} (slapos.core from PyPI) against the local master over HTTPS: tokens pay for
 * certificates, and the certificates then work.
 */
class RealRegisterTest {

    static final String SR = "https://lab.example/software/demo/software.cfg";

    @TempDir
    Path dir;

    SlaposVenv venv;
    CertificateAuthority ca;
    LocalMaster master;
    AccessTokens tokens;

    @BeforeEach
    void start() throws Exception {
        venv = SlaposVenv.require();
        ca = CertificateAuthority.init(dir.resolve("ca"), "register test CA");
        master = LocalMaster.start(new LocalMaster.Options(
                dir.resolve("m.sqlite"),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                null,
                ca.serverContext(List.of("127.0.0.1")),
                ca,
                0,
                0));
        tokens = master.service().registrations().tokens();
    }

    @AfterEach
    void stop() {
        if (master != null) {
            master.close();
        }
    }

    @Test
    void theRealNodeRegisterGetsANodeCertificateThatWorks() throws Exception {
        TestRequirements.require(TestRequirements.isRoot(), "root (slapos node register refuses to run without it)");
        String token = tokens.create(Kind.NODE, null, AccessTokens.DEFAULT_VALIDITY);
        Path config = dir.resolve("node/slapos/slapos.cfg");
        Slapos.Result register = register("my laptop", token, config);
        assertThat(register.exit()).as(register.all()).isZero();
        assertThat(register.all()).contains("Node has successfully been configured as COMP-1");

        IniFile cfg = IniFile.load(config);
        assertThat(cfg.get("slapos", "computer_id")).contains("COMP-1");
        assertThat(cfg.get("slapos", "master_url")).contains(master.url().toString());
        assertThat(cfg.get("slapformat", "partition_amount")).contains("2");
        Path ssl = config.getParent().resolve("ssl");
        for (String name : List.of("key", "certificate")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ssl.resolve(name))))
                    .as(name)
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(ssl.resolve("certificate")))
                .startsWith(
                        "subject=/O=Slapdesk/OU=node/CN=COMP-1/emailAddress=COMP-1@slapdesk.invalid\n-----BEGIN CERTIFICATE-----");
        NodeView node = master.queries().nodes("COMP-1").get(0);
        assertThat(node.node().title()).isEqualTo("my laptop");

        // the issued certificate (subject line and all) works for the real slapos.slap node side ...
        Slapos slap = new Slapos(venv, dir, master.url(), null, null, ssl.resolve("certificate"), ssl.resolve("key"));
        assertThat(slap.node("format", "COMP-1", "2").asText()).isEqualTo("done");
        assertThat(master.queries().nodes("COMP-1").get(0).partitions())
                .extracting(p -> p.reference())
                .containsExactly("slappart0", "slappart1");
        assertThat(master.queries().nodes("COMP-1").get(0).node().title())
                .as("format keeps the title")
                .isEqualTo("my laptop");
        // ... only for itself
        Slapos.Result foreign = slap.nodeRaw("info", "COMP-2");
        assertThat(foreign.exit()).isNotZero();
        // and for the console's own TLS loader, which reads the same two files from slapos.cfg
        TlsMaterial tls = TlsMaterial.load(
                MasterProfile.fromClientConfig(config, dir), PassphraseProvider.none(), Clock.systemUTC());
        assertThat(tls.clientCertificate()
                        .orElseThrow()
                        .getSubjectX500Principal()
                        .getName())
                .contains("CN=COMP-1");

        // a second registration gets the next reference
        Slapos.Result second = register(
                "second",
                tokens.create(Kind.NODE, null, Duration.ofMinutes(5)),
                dir.resolve("node2/slapos/slapos.cfg"));
        assertThat(second.exit()).as(second.all()).isZero();
        assertThat(IniFile.load(dir.resolve("node2/slapos/slapos.cfg")).get("slapos", "computer_id"))
                .contains("COMP-2");

        // the database holds hashes, never the tokens
        assertThat(databaseText()).doesNotContain(token).contains(AccessTokens.hash(token));
    }

    @Test
    void refusedRegistrationsExitWithTheClientsMessageAndKeepTheToken() throws Exception {
        TestRequirements.require(TestRequirements.isRoot(), "root (slapos node register refuses to run without it)");
        String used = tokens.create(Kind.NODE, null, AccessTokens.DEFAULT_VALIDITY);
        Slapos.Result first = register("first", used, dir.resolve("a/slapos/slapos.cfg"));
        assertThat(first.exit()).as(first.all()).isZero();

        Slapos.Result reuse = register("other", used, dir.resolve("b/slapos/slapos.cfg"));
        assertThat(reuse.exit()).isEqualTo(1);
        assertThat(reuse.all()).contains("Access denied to the SlapOS Master. Please check the authentication token");
        Slapos.Result wrong = register("other", "not-a-token", dir.resolve("b/slapos/slapos.cfg"));
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.all()).contains("Access denied to the SlapOS Master");
        String expired = new AccessTokens(
                        master.service().database(), Clock.offset(Clock.systemUTC(), Duration.ofHours(-25)))
                .create(Kind.NODE, null, Duration.ofHours(24));
        Slapos.Result late = register("other", expired, dir.resolve("b/slapos/slapos.cfg"));
        assertThat(late.exit()).isEqualTo(1);
        assertThat(late.all()).contains("Access denied to the SlapOS Master");
        String userToken = tokens.create(Kind.USER, "alice", AccessTokens.DEFAULT_VALIDITY);
        assertThat(register("other", userToken, dir.resolve("b/slapos/slapos.cfg"))
                        .exit())
                .isEqualTo(1);

        String fresh = tokens.create(Kind.NODE, null, AccessTokens.DEFAULT_VALIDITY);
        Slapos.Result duplicate = register("first", fresh, dir.resolve("b/slapos/slapos.cfg"));
        assertThat(duplicate.exit()).isEqualTo(1);
        assertThat(duplicate.all()).contains("The node name \"first\" is already in use");
        assertThat(dir.resolve("b/slapos/slapos.cfg")).doesNotExist();

        Files.createDirectories(dir.resolve("b"));
        Slapos.Result login = Slapos.run(List.of(
                venv.slapos().toString(),
                "node",
                "register",
                "other",
                "--login",
                "alice",
                "--password",
                "secret",
                "--master-url",
                master.url().toString(),
                "--master-url-web",
                webUrl(),
                "--cfg",
                dir.resolve("b/slapos/slapos.cfg").toString()));
        assertThat(login.exit()).isEqualTo(1);
        assertThat(login.all()).contains("does not support login/password authentication. Please use the token");

        // every refusal left the fresh token unused: it still registers a node
        Slapos.Result works = register("other", fresh, dir.resolve("b/slapos/slapos.cfg"));
        assertThat(works.exit()).as(works.all()).isZero();
        assertThat(master.queries().nodes(null))
                .extracting(n -> n.node().title())
                .containsExactly("first", "other");
    }

    @Test
    void theRealConfigureClientGetsAUserCertificateForServiceList() throws Exception {
        master.service()
                .request(new InstanceRequestForm(SR, "my-service", null, Map.of(), Map.of(), null, false, null, null));
        String token = tokens.create(Kind.USER, "alice", AccessTokens.DEFAULT_VALIDITY);
        Path config = dir.resolve("client/slapos-client.cfg");
        Slapos.Result configure = Slapos.run(List.of(
                venv.slapos().toString(),
                "configure",
                "client",
                "--token",
                token,
                "--master-url",
                master.url().toString(),
                "--master-url-web",
                webUrl(),
                "--cfg",
                config.toString()));
        assertThat(configure.exit()).as(configure.all()).isZero();
        for (String name : List.of("slapos-client.cfg", "client.crt", "client.key")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.resolveSibling(name))))
                    .as(name)
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(config.resolveSibling("client.crt"))).startsWith("-----BEGIN CERTIFICATE-----");

        Slapos.Result list =
                Slapos.run(List.of(venv.slapos().toString(), "service", "list", "--cfg", config.toString()));
        assertThat(list.exit()).as(list.all()).isZero();
        assertThat(list.all()).contains("my-service");

        // single use: the same token again gets the client's "access denied"
        Path again = dir.resolve("client2/slapos-client.cfg");
        Slapos.Result reuse = Slapos.run(List.of(
                venv.slapos().toString(),
                "configure",
                "client",
                "--token",
                token,
                "--master-url",
                master.url().toString(),
                "--master-url-web",
                webUrl(),
                "--cfg",
                again.toString()));
        assertThat(reuse.exit()).isEqualTo(1);
        assertThat(reuse.all()).contains("Access denied to the SlapOS Master");
        assertThat(databaseText()).doesNotContain(token);
    }

    @Test
    void theRealComputerTokenPrintsATokenThatRegistersANode() throws Exception {
        CertificateAuthority.write(ca.issue(Role.USER, "alice"), dir.resolve("alice.crt"), dir.resolve("alice.key"));
        Slapos client =
                new Slapos(venv, dir, master.url(), dir.resolve("alice.crt"), dir.resolve("alice.key"), null, null);
        Slapos.Result printed = client.cli("computer", "token");
        assertThat(printed.exit()).as(printed.all()).isZero();
        Matcher m = Pattern.compile("Computer token: ([A-Za-z0-9_-]{32})").matcher(printed.all());
        assertThat(m.find()).as(printed.all()).isTrue();
        Registrations.RegisteredNode node = master.service().registrations().registerNode(m.group(1), "from cli");
        assertThat(node.reference()).isEqualTo("COMP-1");

        // a node certificate may not ask for tokens
        CertificateAuthority.write(ca.issue(Role.NODE, "COMP-1"), dir.resolve("n.crt"), dir.resolve("n.key"));
        Files.createDirectories(dir.resolve("as-node"));
        Slapos asNode = new Slapos(
                venv, dir.resolve("as-node"), master.url(), dir.resolve("n.crt"), dir.resolve("n.key"), null, null);
        assertThat(asNode.cli("computer", "token").exit()).isNotZero();
    }

    /**
     * The web URL without its trailing '/': the client joins it with '/Person_requestComputer',
     * and the JDK's HTTP server cannot route a path starting with '//' (it reads it as a host).
     */
    private String webUrl() {
        return master.url().toString().replaceAll("/$", "");
    }

    /** {@code slapos node register} makes the configuration folder, not its parent. */
    private Slapos.Result register(String name, String token, Path config) throws Exception {
        Files.createDirectories(config.getParent().getParent());
        return Slapos.run(List.of(
                venv.slapos().toString(),
                "node",
                "register",
                name,
                "--token",
                token,
                "--master-url",
                master.url().toString(),
                "--master-url-web",
                webUrl(),
                "--partition-number",
                "2",
                "--interface-name",
                "lo",
                "--cfg",
                config.toString()));
    }

    /** The database file and its WAL, as text: what anyone reading the files would see. */
    private String databaseText() throws Exception {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("m.sqlite"))
                    .toList()) {
                texts.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return String.join("\n", texts);
    }
}
