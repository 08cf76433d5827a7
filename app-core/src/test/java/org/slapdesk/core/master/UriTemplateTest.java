package org.slapdesk.core.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UriTemplateTest {

    @Test
    void theMastersSearchTemplateRepeatsExplodedLists() {
        String template = "https://master/ERP5Document_getHateoas?mode=search"
                + "{&query,select_list*,limit*,sort_on*,local_roles*}";

        String url = UriTemplate.expand(
                template,
                Map.of("query", "a b", "select_list", List.of("title", "reference"), "limit", List.of(0, 40)));

        assertThat(url)
                .isEqualTo("https://master/ERP5Document_getHateoas?mode=search"
                        + "&query=a%20b&select_list=title&select_list=reference&limit=0&limit=40");
    }

    @Test
    void unexplodedListsAndSimpleVariablesAreJoinedWithCommas() {
        assertThat(UriTemplate.expand(
                        "http://proxy/hateoas?mode=search&query={query}&select_list={select_list}",
                        Map.of("query", "q", "select_list", List.of("title", "url_string"))))
                .isEqualTo("http://proxy/hateoas?mode=search&query=q&select_list=title,url_string");
        assertThat(UriTemplate.expand("http://m/search{?query,limit}", Map.of("limit", List.of(0, 40))))
                .isEqualTo("http://m/search?limit=0,40");
    }
}
