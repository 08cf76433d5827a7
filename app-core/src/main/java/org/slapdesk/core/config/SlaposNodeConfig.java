package org.slapdesk.core.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A node's slapos.cfg seen through the keys of {@code [slapos]} and {@code [slapformat]}
 * (docs/protocol.md, "Configuration files"). Reads follow {@code slapos node format}: a key may sit in either section
 * and {@code [slapos]} wins. Setters edit the underlying {@link IniFile} in place (the key's own
 * line when it exists, else its home section), so the rest of the file stays as the user wrote it.
 */
public final class SlaposNodeConfig {

    public static final String SLAPOS = "slapos";
    public static final String SLAPFORMAT = "slapformat";

    private final IniFile ini;

    public SlaposNodeConfig(IniFile ini) {
        this.ini = ini;
    }

    /** {@code --cfg}, else {@code $SLAPOS_CONFIGURATION}, else {@code /etc/opt/slapos/slapos.cfg}. */
    public static Path locate(Optional<String> explicit, Map<String, String> environment, Path home) {
        return ConfigPaths.locate(explicit, ConfigPaths.NODE_ENV, ConfigPaths.NODE_DEFAULT, environment, home);
    }

    public static SlaposNodeConfig load(Path path) throws IOException {
        return new SlaposNodeConfig(IniFile.load(path));
    }

    public IniFile ini() {
        return ini;
    }

    public void save() throws IOException {
        ini.save();
    }

    // ------------------------------------------------------------------ [slapos]

    public Optional<String> computerId() {
        return text("computer_id");
    }

    public Optional<String> masterUrl() {
        return text("master_url");
    }

    public Optional<String> masterRestUrl() {
        return text("master_rest_url");
    }

    public Optional<String> keyFile() {
        return text("key_file");
    }

    public Optional<String> certFile() {
        return text("cert_file");
    }

    public Optional<String> certificateRepositoryPath() {
        return text("certificate_repository_path");
    }

    public Optional<String> softwareRoot() {
        return text("software_root");
    }

    public Optional<String> instanceRoot() {
        return text("instance_root");
    }

    public Optional<String> instanceStorageHome() {
        return text("instance_storage_home");
    }

    public List<String> sharedPartList() {
        return list("shared_part_list");
    }

    public List<String> managerList() {
        return list("manager_list");
    }

    public Optional<String> rootCheck() {
        return text("root_check");
    }

    public Optional<Integer> maximumPeriodicity() {
        return integer("maximum_periodicity");
    }

    public Optional<Integer> promiseTimeout() {
        return integer("promise_timeout");
    }

    public void setComputerId(String value) {
        put(SLAPOS, "computer_id", value);
    }

    public void setMasterUrl(String value) {
        put(SLAPOS, "master_url", value);
    }

    public void setMasterRestUrl(String value) {
        put(SLAPOS, "master_rest_url", value);
    }

    public void setKeyFile(String value) {
        put(SLAPOS, "key_file", value);
    }

    public void setCertFile(String value) {
        put(SLAPOS, "cert_file", value);
    }

    public void setSoftwareRoot(String value) {
        put(SLAPOS, "software_root", value);
    }

    public void setInstanceRoot(String value) {
        put(SLAPOS, "instance_root", value);
    }

    public void setInstanceStorageHome(String value) {
        put(SLAPOS, "instance_storage_home", value);
    }

    public void setSharedPartList(List<String> value) {
        putList(SLAPOS, "shared_part_list", value);
    }

    // ------------------------------------------------------------------ [slapformat]

    public Optional<String> interfaceName() {
        return text("interface_name");
    }
    /** The interface whose IPv6 the partitions get; format falls back to interface_name. */
    public Optional<String> ipv6Interface() {
        return text("ipv6_interface").or(this::interfaceName);
    }

    public boolean createTap() {
        return bool("create_tap", true);
    }

    public boolean tapIpv6() {
        return bool("tap_ipv6", true);
    }

    public Optional<String> tapGatewayInterface() {
        return text("tap_gateway_interface");
    }

    public boolean createTun() {
        return bool("create_tun", false);
    }

    public Optional<String> ipv4LocalNetwork() {
        return text("ipv4_local_network");
    }

    public int ipv6Prefixshift() {
        return integer("ipv6_prefixshift").orElse(16);
    }

    public boolean partitionHasIpv6Range() {
        return bool("partition_has_ipv6_range", true);
    }

    public Optional<Integer> partitionAmount() {
        return integer("partition_amount");
    }

    public String partitionBaseName() {
        return text("partition_base_name").orElse("slappart");
    }

    public String userBaseName() {
        return text("user_base_name").orElse("slapuser");
    }

    public String tapBaseName() {
        return text("tap_base_name").orElse("slaptap");
    }

    public String softwareUser() {
        return text("software_user").orElse("slapsoft");
    }

    public boolean alterUser() {
        return bool("alter_user", true);
    }

    public boolean alterNetwork() {
        return bool("alter_network", true);
    }

    public Optional<String> computerXml() {
        return text("computer_xml");
    }

    public Optional<String> computerJson() {
        return text("computer_json");
    }

    public Optional<String> logFile() {
        return text("log_file");
    }

    public void setInterfaceName(String value) {
        put(SLAPFORMAT, "interface_name", value);
    }

    public void setIpv6Interface(String value) {
        put(SLAPFORMAT, "ipv6_interface", value);
    }

    public void setCreateTap(boolean value) {
        put(SLAPFORMAT, "create_tap", Boolean.toString(value));
    }

    public void setTapIpv6(boolean value) {
        put(SLAPFORMAT, "tap_ipv6", Boolean.toString(value));
    }

    public void setTapGatewayInterface(String value) {
        put(SLAPFORMAT, "tap_gateway_interface", value);
    }

    public void setCreateTun(boolean value) {
        put(SLAPFORMAT, "create_tun", Boolean.toString(value));
    }

    public void setIpv4LocalNetwork(String value) {
        put(SLAPFORMAT, "ipv4_local_network", value);
    }

    public void setIpv6Prefixshift(int value) {
        put(SLAPFORMAT, "ipv6_prefixshift", Integer.toString(value));
    }

    public void setPartitionHasIpv6Range(boolean value) {
        put(SLAPFORMAT, "partition_has_ipv6_range", Boolean.toString(value));
    }

    public void setPartitionAmount(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("partition_amount cannot be negative: " + value);
        }
        put(SLAPFORMAT, "partition_amount", Integer.toString(value));
    }

    public void setComputerXml(String value) {
        put(SLAPFORMAT, "computer_xml", value);
    }

    /** Removes a key from whichever of the two sections holds it. */
    public void unset(String key) {
        ini.remove(SLAPOS, key);
        ini.remove(SLAPFORMAT, key);
    }

    /**
     * What {@code slapos node format} would refuse before doing anything, one sentence each:
     * missing mandatory keys, non-boolean flags, the removed bridge options, and an
     * ipv6_prefixshift too small for the partition amount.
     */
    public List<String> formatProblems() {
        List<String> problems = new ArrayList<>();
        for (String key : List.of("computer_id", "instance_root", "master_url", "software_root", "computer_xml")) {
            if (text(key).isEmpty()) {
                problems.add(
                        key + " is not set; add it to [" + (key.equals("computer_xml") ? SLAPFORMAT : SLAPOS) + "]");
            }
        }
        for (String key : List.of("bridge_name", "no_bridge")) {
            if (text(key).isPresent()) {
                problems.add(key + " is no longer supported by slapos node format; remove it");
            }
        }
        for (String key : List.of(
                "alter_network",
                "alter_user",
                "partition_has_ipv6_range",
                "create_tap",
                "create_tun",
                "tap_ipv6",
                "tun_ipv6")) {
            try {
                bool(key, false);
            } catch (ConfigException e) {
                problems.add(e.getMessage());
            }
        }
        try {
            int amount = partitionAmount().orElse(0);
            int shift = ipv6Prefixshift();
            if (shift < 31 && (1L << shift) < 4L * amount) {
                problems.add("ipv6_prefixshift " + shift + " is too small for partition_amount " + amount
                        + " (each partition needs 4 IPv6 ranges)");
            }
        } catch (ConfigException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    // ------------------------------------------------------------------ helpers

    private Optional<String> raw(String key) {
        return ini.get(SLAPOS, key).or(() -> ini.get(SLAPFORMAT, key));
    }

    private Optional<String> text(String key) {
        return raw(key).map(String::strip).filter(s -> !s.isEmpty());
    }

    private List<String> list(String key) {
        return ini.hasKey(SLAPOS, key) ? ini.getList(SLAPOS, key) : ini.getList(SLAPFORMAT, key);
    }

    private Optional<Integer> integer(String key) {
        return text(key).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(key + " = '" + v + "' is not a whole number", e);
            }
        });
    }

    /** format.py's rule: only true or false, any case. */
    private boolean bool(String key, boolean fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key + " needs to be true or false, not '" + value.get() + "'");
        };
    }

    private void put(String homeSection, String key, String value) {
        ini.set(sectionHolding(key, homeSection), key, value);
    }

    private void putList(String homeSection, String key, List<String> value) {
        ini.setList(sectionHolding(key, homeSection), key, value);
    }

    private String sectionHolding(String key, String homeSection) {
        if (ini.keys(SLAPOS).contains(key)) {
            return SLAPOS;
        }
        if (ini.keys(SLAPFORMAT).contains(key)) {
            return SLAPFORMAT;
        }
        return homeSection;
    }
}
