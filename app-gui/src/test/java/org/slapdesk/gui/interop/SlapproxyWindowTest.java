package org.slapdesk.gui.interop;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.gui.profile.MasterConnector;
import org.slapdesk.gui.profile.Profiles;
import org.slapdesk.testlab.RealSlapproxy;
import org.testfx.framework.junit5.Start;

/** The end-to-end window steps against a real slapproxy (slapos.core from PyPI). */
class SlapproxyWindowTest extends EndToEndWindowTest {

    private RealSlapproxy proxy;
    private SlapMaster admin;

    @Override
    MasterProfile profile(Path folder) throws Exception {
        proxy = RealSlapproxy.start(folder.resolve("proxy"));
        admin = SlapMaster.open(
                MasterProfile.plain("admin", proxy.url()).withRestUrl(URI.create(proxy.restUrl())),
                ClientOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)));
        NodeFormat.post(proxy.url(), nodeFormat());
        return MasterProfile.plain("slapproxy", proxy.url()).withColour("#8250df");
    }

    @Override
    MasterConnector connector(Path folder) {
        return profile -> Profiles.connect(profile, folder.resolve("unused.sqlite"));
    }

    @Start
    void start(Stage stage) throws Exception {
        openWindow(stage);
    }

    @Override
    Master observer() {
        return admin;
    }

    @Override
    String name() {
        return "slapproxy";
    }

    @AfterEach
    void stopProxy() {
        if (admin != null) {
            admin.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }
}
