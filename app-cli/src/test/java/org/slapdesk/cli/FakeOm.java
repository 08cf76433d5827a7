package org.slapdesk.cli;

import org.slapdesk.testlab.TestHost;

/**
 * A stand-in for OpenSVC's om on a test host: {@code daemon status --format json} answers with
 * a two-node status (demo1, demo2) in the shape of the real agent's (node-remote's captured
 * fixtures), the service up where {@code /var/lib/fake-om/state} says; switch flips it.
 */
final class FakeOm {

    static final String OM =
            """
            #!/bin/sh
            d=/var/lib/fake-om
            for a in "$@"; do printf '[%s]' "$a"; done >> $d/calls; echo >> $d/calls
            case "$*" in
              "daemon status --format json") cat $d/daemon.$(cat $d/state) ;;
              "slapos/svc/comp1 print status -r --format json") echo '{}' ;;
              "slapos/svc/comp1 switch") s=$(cat $d/state); if [ "$s" = demo1 ]; then echo demo2; else echo demo1; fi > $d/state ;;
              *) echo "om: unknown command: $*" >&2; exit 1 ;;
            esac
            """;

    private FakeOm() {}

    static void install(TestHost host) {
        host.sh("mkdir -p /var/lib/fake-om && echo demo1 > /var/lib/fake-om/state");
        host.writeFile("/var/lib/fake-om/daemon.demo1", daemonStatus("demo1"));
        host.writeFile("/var/lib/fake-om/daemon.demo2", daemonStatus("demo2"));
        host.writeFile("/usr/local/bin/om", OM);
        host.sh("chmod 755 /usr/local/bin/om");
    }

    static String daemonStatus(String upOn) {
        return """
                {"cluster": {"name": "default", "nodes": ["demo1", "demo2"]},
                 "daemon": {"state": "running"}, "monitor": {"state": "running",
                  "nodes": {%s, %s},
                  "services": {"slapos/svc/comp1": {"avail": "up", "frozen": "thawed", "overall": "up",
                   "placement": "optimal", "provisioned": true}}}}
                """
                .formatted(node("demo1", upOn), node("demo2", upOn));
    }

    private static String node(String name, String upOn) {
        boolean up = name.equals(upOn);
        return """
                "%s": {"frozen": 0, "monitor": {"status": "idle"},
                 "stats": {"load_15m": 0.5, "mem_avail": 60, "mem_total": 4000, "score": 90,
                  "swap_avail": 0, "swap_total": 0},
                 "services": {"status": {"slapos/svc/comp1": {"avail": "%s", "frozen": 0, "kind": "svc",
                  "monitor": {"global_expect": null, "placement": "%s", "status": "idle"},
                  "orchestrate": "ha", "overall": "%s", "provisioned": true,
                  "resources": {"disk#3": {"label": "drbd comp1", "log": ["info: Primary"],
                   "standby": true, "status": "stdby up", "type": "disk.drbd"}}}}}}
                """
                .formatted(name, up ? "up" : "down", up ? "leader" : "", up ? "up" : "down");
    }
}
