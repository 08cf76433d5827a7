package org.slapdesk.gui.interop;

import java.nio.file.Path;
import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.gui.profile.EmbeddedMaster;
import org.slapdesk.gui.profile.MasterConnector;
import org.slapdesk.gui.profile.Profile;
import org.testfx.framework.junit5.Start;

/**
 * The end-to-end window steps on the embedded local master, opened the way the window opens it
 * when nothing else is configured (the local profile); a node's format is posted to it as
 * {@code slapos node format} would.
 */
class LocalMasterWindowTest extends EndToEndWindowTest {

    private EmbeddedMaster embedded;
    private SlapMaster observer;

    @Override
    Profile profile(Path folder) {
        return Profile.local();
    }

    @Override
    MasterConnector connector(Path folder) {
        return profile -> {
            embedded = EmbeddedMaster.start(folder.resolve("data/local-master.sqlite"));
            embedded.client().slap().loadComputerConfigurationFromXml(nodeFormat());
            observer = SlapMaster.open(MasterProfile.plain("observer", embedded.url()),
                    ClientOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)));
            return embedded;
        };
    }

    @Start
    void start(Stage stage) throws Exception {
        openWindow(stage);
    }

    @Override
    Master observer() {
        return observer;
    }

    @Override
    String name() {
        return "local-master";
    }

    @AfterEach
    void closeObserver() {
        if (observer != null) {
            observer.close();
        }
    }
}
