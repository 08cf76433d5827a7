package org.slapdesk.core.master;

import java.net.URI;
import java.util.Optional;

/**
 * Where the real master's JSON-RPC API is, read off its HATEOAS URL. Both are objects of the
 * same ERP5 site: the HATEOAS API is the web site {@code <site>/web_site_module/<name>/} and the
 * JSON-RPC API is {@code <site>/portal_web_services/slapos_master_api/}. A HATEOAS URL without a
 * {@code web_site_module} segment (behind a virtual host, or slapproxy's {@code /hateoas/}) does
 * not show where the site is, so nothing is derived from it.
 */
public final class MasterApiLocation {

    static final String API_PATH = "portal_web_services/slapos_master_api/";
    private static final String WEB_SITES = "/web_site_module/";

    private MasterApiLocation() {}

    /** The JSON-RPC API beside this HATEOAS URL; empty when its site cannot be told. */
    public static Optional<URI> besideHateoas(URI hateoasUrl) {
        String path = hateoasUrl.getRawPath();
        int at = path == null ? -1 : path.indexOf(WEB_SITES);
        if (at < 0 || hateoasUrl.getRawQuery() != null || hateoasUrl.getRawFragment() != null) {
            return Optional.empty();
        }
        String siteRoot = path.substring(0, at + 1);
        return Optional.of(hateoasUrl.resolve(siteRoot + API_PATH));
    }
}
