package org.slapdesk.core.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MasterApiLocationTest {

    @Test
    void theApiIsBesideTheWebSiteOfTheSameErp5Site() {
        assertThat(MasterApiLocation.besideHateoas(URI.create("https://slap.example/erp5/web_site_module/hateoas/")))
                .contains(URI.create("https://slap.example/erp5/portal_web_services/slapos_master_api/"));
        assertThat(MasterApiLocation.besideHateoas(URI.create("https://slap.example/web_site_module/slapos_hateoas")))
                .contains(URI.create("https://slap.example/portal_web_services/slapos_master_api/"));
    }

    @Test
    void aHateoasUrlThatDoesNotShowItsSiteGivesNothing() {
        assertThat(MasterApiLocation.besideHateoas(URI.create("https://api.example/hateoas/")))
                .isEmpty();
        assertThat(MasterApiLocation.besideHateoas(URI.create("http://127.0.0.1:5000/hateoas")))
                .isEmpty();
        assertThat(MasterApiLocation.besideHateoas(URI.create("https://h/web_site_module/x/?a=1")))
                .isEmpty();
    }
}
