package org.slapdesk.core.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code slapos node format} posts to {@code loadComputerConfigurationFromXML}
 * (docs/protocol.md, "What node format posts"): slapos.format's {@code _getDict(computer)}, the
 * public attributes of its Computer, Partition, User, Tap/Tun and Interface objects as nested
 * dicts.
 *
 * <p>Null fields are Python's None. Keys this class does not know are kept in each record's
 * {@code extra} map so a configuration read from a newer node is written back whole.
 */
public record ComputerConfiguration(
        String reference,
        String address,
        String netmask,
        NetworkInterface networkInterface,
        String ipv6Interface,
        Boolean partitionHasIpv6Range,
        String softwareUser,
        String tapGatewayInterface,
        Boolean tapIpv6,
        String softwareRoot,
        String instanceRoot,
        String instanceStorageHome,
        String publicIpv4Address,
        String osType,
        String pythonVersion,
        String slaposVersion,
        List<Partition> partitionList,
        Map<String, Object> extra) {

    public ComputerConfiguration {
        partitionList = List.copyOf(partitionList);
        extra = copy(extra);
    }

    /** The smallest body the master and slapproxy accept: reference, address, netmask, partitions. */
    public static ComputerConfiguration minimal(
            String reference, String address, String netmask, List<Partition> partitions) {
        return new ComputerConfiguration(
                reference,
                address,
                netmask,
                null,
                null,
                null,
                "slapsoft",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                partitions,
                Map.of());
    }

    /** {@code Interface}: the node's interface as format saw it. */
    public record NetworkInterface(
            String name,
            String ipv4LocalNetwork,
            String ipv6Interface,
            Long ipv6Prefixshift,
            Map<String, Object> extra) {
        public NetworkInterface {
            extra = copy(extra);
        }
    }

    /** {@code Partition}. A null {@code ipv6Range} is written as the empty dict format sends. */
    public record Partition(
            String reference,
            String path,
            User user,
            List<Address> addressList,
            Ipv6Range ipv6Range,
            NetworkDevice tap,
            NetworkDevice tun,
            List<String> externalStorageList,
            List<String> capabilityList,
            Map<String, Object> extra) {
        public Partition {
            addressList = List.copyOf(addressList);
            externalStorageList = List.copyOf(externalStorageList);
            capabilityList = capabilityList == null ? null : List.copyOf(capabilityList);
            extra = copy(extra);
        }

        /** A partition as slapproxy needs it: a reference, addresses and a tap name. */
        public static Partition simple(String reference, String path, List<Address> addresses, String tapName) {
            return new Partition(
                    reference,
                    path,
                    new User(
                            "slapuser" + reference.replaceAll("\\D", ""),
                            "/bin/sh",
                            List.of("slapsoft"),
                            path,
                            Map.of()),
                    addresses,
                    null,
                    NetworkDevice.named(tapName),
                    null,
                    List.of(),
                    null,
                    Map.of());
        }
    }

    /** {@code User}; {@code path} is absent (null) until format sets it. */
    public record User(
            String name, String shell, List<String> additionalGroupList, String path, Map<String, Object> extra) {
        public User {
            additionalGroupList = additionalGroupList == null ? null : List.copyOf(additionalGroupList);
            extra = copy(extra);
        }
    }

    /** One entry of {@code address_list}. */
    public record Address(String addr, String netmask, Map<String, Object> extra) {
        public Address {
            extra = copy(extra);
        }

        public static Address of(String addr, String netmask) {
            return new Address(addr, netmask, Map.of());
        }
    }

    /** {@code ipv6_range}. */
    public record Ipv6Range(String addr, String netmask, String network, Long prefixlen, Map<String, Object> extra) {
        public Ipv6Range {
            extra = copy(extra);
        }
    }

    /** {@code Tap} or {@code Tun}: format leaves unset fields as empty strings. */
    public record NetworkDevice(
            String name,
            String ipv4Addr,
            String ipv4Netmask,
            String ipv4Gateway,
            String ipv4Network,
            String ipv6Addr,
            String ipv6Netmask,
            String ipv6Gateway,
            String ipv6Network,
            Map<String, Object> extra) {
        public NetworkDevice {
            extra = copy(extra);
        }

        public static NetworkDevice named(String name) {
            return new NetworkDevice(name, "", "", "", "", "", "", "", "", Map.of());
        }
    }

    // ------------------------------------------------------------------ to the wire

    /** The dict format passes to {@code dumps}. */
    public Map<String, Object> toDict() {
        Map<String, Object> d = new LinkedHashMap<>(extra);
        d.put("reference", reference);
        d.put("interface", networkInterface == null ? null : interfaceDict(networkInterface));
        d.put(
                "partition_list",
                partitionList.stream().map(ComputerConfiguration::partitionDict).toList());
        d.put("address", address);
        d.put("netmask", netmask);
        d.put("ipv6_interface", ipv6Interface);
        d.put("partition_has_ipv6_range", partitionHasIpv6Range);
        d.put("software_user", softwareUser);
        d.put("tap_gateway_interface", tapGatewayInterface);
        d.put("tap_ipv6", tapIpv6);
        d.put("software_root", softwareRoot);
        d.put("instance_root", instanceRoot);
        d.put("instance_storage_home", instanceStorageHome);
        d.put("public_ipv4_address", publicIpv4Address);
        d.put("os_type", osType);
        d.put("python_version", pythonVersion);
        d.put("slapos_version", slaposVersion);
        return d;
    }

    /** The {@code xml} form field of {@code loadComputerConfigurationFromXML}. */
    public String toMarshalXml() {
        return XmlMarshal.dumps(toDict());
    }

    private static Map<String, Object> interfaceDict(NetworkInterface i) {
        Map<String, Object> d = new LinkedHashMap<>(i.extra());
        d.put("name", i.name());
        d.put("ipv4_local_network", i.ipv4LocalNetwork());
        d.put("ipv6_interface", i.ipv6Interface());
        d.put("ipv6_prefixshift", i.ipv6Prefixshift());
        return d;
    }

    private static Map<String, Object> partitionDict(Partition p) {
        Map<String, Object> d = new LinkedHashMap<>(p.extra());
        d.put("reference", p.reference());
        d.put("path", p.path());
        d.put("user", p.user() == null ? null : userDict(p.user()));
        d.put(
                "address_list",
                p.addressList().stream()
                        .map(a -> {
                            Map<String, Object> ad = new LinkedHashMap<>(a.extra());
                            ad.put("addr", a.addr());
                            ad.put("netmask", a.netmask());
                            return ad;
                        })
                        .toList());
        Map<String, Object> range = new LinkedHashMap<>();
        if (p.ipv6Range() != null) {
            range.putAll(p.ipv6Range().extra());
            range.put("addr", p.ipv6Range().addr());
            range.put("netmask", p.ipv6Range().netmask());
            range.put("network", p.ipv6Range().network());
            range.put("prefixlen", p.ipv6Range().prefixlen());
        }
        d.put("ipv6_range", range);
        d.put("tap", p.tap() == null ? null : deviceDict(p.tap()));
        d.put("tun", p.tun() == null ? null : deviceDict(p.tun()));
        d.put("external_storage_list", p.externalStorageList());
        if (p.capabilityList() != null) {
            d.put("capability_list", p.capabilityList());
        }
        return d;
    }

    private static Map<String, Object> userDict(User u) {
        Map<String, Object> d = new LinkedHashMap<>(u.extra());
        d.put("name", u.name());
        d.put("shell", u.shell());
        d.put("additional_group_list", u.additionalGroupList());
        if (u.path() != null) {
            d.put("path", u.path());
        }
        return d;
    }

    private static Map<String, Object> deviceDict(NetworkDevice t) {
        Map<String, Object> d = new LinkedHashMap<>(t.extra());
        d.put("name", t.name());
        d.put("ipv4_addr", t.ipv4Addr());
        d.put("ipv4_netmask", t.ipv4Netmask());
        d.put("ipv4_gateway", t.ipv4Gateway());
        d.put("ipv4_network", t.ipv4Network());
        d.put("ipv6_addr", t.ipv6Addr());
        d.put("ipv6_netmask", t.ipv6Netmask());
        d.put("ipv6_gateway", t.ipv6Gateway());
        d.put("ipv6_network", t.ipv6Network());
        return d;
    }

    // ------------------------------------------------------------------ from the wire

    /** Reads the {@code xml} field a node posted. */
    public static ComputerConfiguration fromMarshalXml(String xml) throws MarshalException {
        return fromDict(XmlMarshal.loads(xml));
    }

    /** Reads the dict; a missing key is null, a key of the wrong type is an error naming it. */
    public static ComputerConfiguration fromDict(Object value) throws MarshalException {
        Dict d = Dict.of(value, "the computer configuration");
        List<Partition> partitions = new ArrayList<>();
        int index = 0;
        for (Object p : d.list("partition_list")) {
            partitions.add(readPartition(Dict.of(p, "partition_list[" + index++ + "]")));
        }
        Dict iface = d.dict("interface");
        return new ComputerConfiguration(
                d.text("reference"),
                d.text("address"),
                d.text("netmask"),
                iface == null
                        ? null
                        : new NetworkInterface(
                                iface.text("name"),
                                iface.text("ipv4_local_network"),
                                iface.text("ipv6_interface"),
                                iface.integer("ipv6_prefixshift"),
                                iface.rest("name", "ipv4_local_network", "ipv6_interface", "ipv6_prefixshift")),
                d.text("ipv6_interface"),
                d.bool("partition_has_ipv6_range"),
                d.text("software_user"),
                d.text("tap_gateway_interface"),
                d.bool("tap_ipv6"),
                d.text("software_root"),
                d.text("instance_root"),
                d.text("instance_storage_home"),
                d.text("public_ipv4_address"),
                d.text("os_type"),
                d.text("python_version"),
                d.text("slapos_version"),
                partitions,
                d.rest(
                        "reference",
                        "interface",
                        "partition_list",
                        "address",
                        "netmask",
                        "ipv6_interface",
                        "partition_has_ipv6_range",
                        "software_user",
                        "tap_gateway_interface",
                        "tap_ipv6",
                        "software_root",
                        "instance_root",
                        "instance_storage_home",
                        "public_ipv4_address",
                        "os_type",
                        "python_version",
                        "slapos_version"));
    }

    private static Partition readPartition(Dict p) throws MarshalException {
        List<Address> addresses = new ArrayList<>();
        int index = 0;
        for (Object a : p.list("address_list")) {
            Dict ad = Dict.of(a, p.where + ".address_list[" + index++ + "]");
            addresses.add(new Address(ad.text("addr"), ad.text("netmask"), ad.rest("addr", "netmask")));
        }
        Dict range = p.dict("ipv6_range");
        Dict user = p.dict("user");
        return new Partition(
                p.text("reference"),
                p.text("path"),
                user == null
                        ? null
                        : new User(
                                user.text("name"),
                                user.text("shell"),
                                user.has("additional_group_list") && user.raw("additional_group_list") != null
                                        ? user.strings("additional_group_list")
                                        : null,
                                user.text("path"),
                                user.rest("name", "shell", "additional_group_list", "path")),
                addresses,
                range == null || range.isEmpty()
                        ? null
                        : new Ipv6Range(
                                range.text("addr"),
                                range.text("netmask"),
                                range.text("network"),
                                range.integer("prefixlen"),
                                range.rest("addr", "netmask", "network", "prefixlen")),
                readDevice(p.dict("tap")),
                readDevice(p.dict("tun")),
                p.strings("external_storage_list"),
                p.has("capability_list") ? p.strings("capability_list") : null,
                p.rest(
                        "reference",
                        "path",
                        "user",
                        "address_list",
                        "ipv6_range",
                        "tap",
                        "tun",
                        "external_storage_list",
                        "capability_list"));
    }

    private static NetworkDevice readDevice(Dict t) throws MarshalException {
        if (t == null) {
            return null;
        }
        return new NetworkDevice(
                t.text("name"),
                t.text("ipv4_addr"),
                t.text("ipv4_netmask"),
                t.text("ipv4_gateway"),
                t.text("ipv4_network"),
                t.text("ipv6_addr"),
                t.text("ipv6_netmask"),
                t.text("ipv6_gateway"),
                t.text("ipv6_network"),
                t.rest(
                        "name",
                        "ipv4_addr",
                        "ipv4_netmask",
                        "ipv4_gateway",
                        "ipv4_network",
                        "ipv6_addr",
                        "ipv6_netmask",
                        "ipv6_gateway",
                        "ipv6_network"));
    }

    private static Map<String, Object> copy(Map<String, Object> extra) {
        return extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** A decoded dict with typed getters whose errors say which key of which object is wrong. */
    private record Dict(Map<?, ?> map, String where) {
        static Dict of(Object value, String where) throws MarshalException {
            if (!(value instanceof Map<?, ?> m)) {
                throw new MarshalException(where + " is " + typeName(value) + ", expected a dictionary");
            }
            return new Dict(m, where);
        }

        boolean has(String key) {
            return map.containsKey(key);
        }

        boolean isEmpty() {
            return map.isEmpty();
        }

        Object raw(String key) {
            return map.get(key);
        }

        String text(String key) throws MarshalException {
            Object v = map.get(key);
            if (v == null || v instanceof String) {
                return (String) v;
            }
            throw wrong(key, v, "a string");
        }

        Boolean bool(String key) throws MarshalException {
            Object v = map.get(key);
            if (v == null || v instanceof Boolean) {
                return (Boolean) v;
            }
            throw wrong(key, v, "a boolean");
        }

        Long integer(String key) throws MarshalException {
            Object v = map.get(key);
            if (v == null || v instanceof Long) {
                return (Long) v;
            }
            throw wrong(key, v, "an integer");
        }

        List<?> list(String key) throws MarshalException {
            Object v = map.get(key);
            if (v == null) {
                return List.of();
            }
            if (v instanceof List<?> l) {
                return l;
            }
            throw wrong(key, v, "a list");
        }

        List<String> strings(String key) throws MarshalException {
            List<String> out = new ArrayList<>();
            for (Object item : list(key)) {
                if (!(item instanceof String s)) {
                    throw wrong(key, item, "a list of strings");
                }
                out.add(s);
            }
            return out;
        }

        Dict dict(String key) throws MarshalException {
            Object v = map.get(key);
            return v == null ? null : Dict.of(v, where + "." + key);
        }

        Map<String, Object> rest(String... known) {
            Map<String, Object> extra = new LinkedHashMap<>();
            List<String> knownKeys = List.of(known);
            map.forEach((k, v) -> {
                if (!knownKeys.contains(k)) {
                    extra.put(String.valueOf(k), v);
                }
            });
            return extra;
        }

        private MarshalException wrong(String key, Object v, String expected) {
            return new MarshalException(where + "." + key + " is " + typeName(v) + ", expected " + expected);
        }

        private static String typeName(Object v) {
            return v == null
                    ? "None"
                    : v instanceof Map
                            ? "a dictionary"
                            : v instanceof List
                                    ? "a list"
                                    : "the " + v.getClass().getSimpleName() + " " + v;
        }
    }
}
