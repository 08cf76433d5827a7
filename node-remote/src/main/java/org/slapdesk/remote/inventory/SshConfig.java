package org.slapdesk.remote.inventory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slapdesk.remote.ssh.SshAddress;

/**
 * The nodes of an OpenSSH client configuration ({@code ~/.ssh/config}), read the way ssh reads
 * it: for each {@code Host} alias, the first value of each keyword among the blocks that match
 * it wins ({@code Host *} defaults included, wherever they stand); {@code Include} is followed
 * (relative to ~/.ssh, globs allowed); {@code Match} blocks are skipped with a note. Aliases
 * with wildcards or negations only ({@code Host *}, {@code Host *.example.org}) are not nodes.
 * Read: HostName ({@code %h}), Port, User, IdentityFile ({@code ~}, {@code %d}), ProxyJump.
 */
public final class SshConfig {

    /** The nodes found, in the file's order, and what could not be imported and why. */
    public record Result(List<ImportedNode> nodes, List<String> notes) {
        public Result {
            nodes = List.copyOf(nodes);
            notes = List.copyOf(notes);
        }
    }

    private static final int MAX_INCLUDE_DEPTH = 16;
    private static final Pattern LINE = Pattern.compile("(\\S+?)(?:\\s*=\\s*|\\s+)(.*)");

    /** A Host block (or the lines before any, which apply to every host; or a skipped Match block). */
    private record Block(List<String> patterns, boolean everyHost, boolean skipped, Map<String, String> firstValues) {
        boolean appliesTo(String alias) {
            if (skipped) {
                return false;
            }
            if (everyHost) {
                return true;
            }
            boolean matched = false;
            for (String p : patterns) {
                if (p.startsWith("!")) {
                    if (glob(p.substring(1)).matcher(alias).matches()) {
                        return false;
                    }
                } else if (glob(p).matcher(alias).matches()) {
                    matched = true;
                }
            }
            return matched;
        }
    }

    private final Path sshDir;
    private final Path home;
    private final List<Block> blocks = new ArrayList<>();
    private final Set<String> aliases = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();

    private SshConfig(Path sshDir, Path home) {
        this.sshDir = sshDir;
        this.home = home;
        blocks.add(new Block(List.of(), true, false, new LinkedHashMap<>()));
    }

    /** {@code ~/.ssh/config} of {@code home}. */
    public static Result readDefault(Path home) throws IOException {
        return read(home.resolve(".ssh").resolve("config"), home);
    }

    /** {@code file}, its includes relative to {@code home}/.ssh. */
    public static Result read(Path file, Path home) throws IOException {
        SshConfig config = new SshConfig(home.resolve(".ssh"), home);
        config.readFile(file, 0);
        return config.nodes();
    }

    private void readFile(Path file, int depth) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue; // a keyword without a value: nothing a node needs
            }
            String keyword = m.group(1).toLowerCase(Locale.ROOT);
            String value = unquote(m.group(2).strip());
            String where = file + " line " + (i + 1);
            switch (keyword) {
                case "host" -> {
                    List<String> patterns = List.of(value.split("\\s+"));
                    blocks.add(new Block(patterns, false, false, new LinkedHashMap<>()));
                    patterns.stream()
                            .filter(p -> !p.startsWith("!") && !p.contains("*") && !p.contains("?"))
                            .forEach(aliases::add);
                }
                case "match" -> {
                    blocks.add(new Block(List.of(), false, true, new LinkedHashMap<>()));
                    notes.add(where + ": Match " + value + " is skipped (slapdesk imports Host blocks only)");
                }
                case "include" -> include(value, where, depth);
                default -> blocks.get(blocks.size() - 1).firstValues().putIfAbsent(keyword, value);
            }
        }
    }

    private void include(String value, String where, int depth) throws IOException {
        if (depth >= MAX_INCLUDE_DEPTH) {
            notes.add(where + ": Include nested too deep, not followed: " + value);
            return;
        }
        for (String spec : value.split("\\s+")) {
            Path pattern = spec.startsWith("~/") ? home.resolve(spec.substring(2)) : sshDir.resolve(spec);
            List<Path> files = expand(pattern);
            if (files.isEmpty() && !spec.contains("*") && !spec.contains("?")) {
                notes.add(where + ": Include " + spec + ": no such file");
            }
            for (Path f : files) {
                readFile(f, depth + 1);
            }
        }
    }

    /** The files a glob names (in its last part), sorted as ssh sorts them. */
    private static List<Path> expand(Path pattern) throws IOException {
        String name = pattern.getFileName().toString();
        if (!name.contains("*") && !name.contains("?")) {
            return Files.isRegularFile(pattern) ? List.of(pattern) : List.of();
        }
        Path dir = pattern.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, name)) {
            stream.forEach(p -> {
                if (Files.isRegularFile(p)) {
                    found.add(p);
                }
            });
        }
        found.sort(null);
        return found;
    }

    private Result nodes() {
        List<ImportedNode> nodes = new ArrayList<>();
        for (String alias : aliases) {
            try {
                nodes.add(node(alias, true));
            } catch (IllegalArgumentException e) {
                notes.add("Host " + alias + " is not imported: " + e.getMessage());
            }
        }
        return new Result(nodes, notes);
    }

    /** The first value of each keyword among the blocks that apply to {@code alias}. */
    private Map<String, String> settings(String alias) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Block block : blocks) {
            if (block.appliesTo(alias)) {
                block.firstValues().forEach(settings::putIfAbsent);
            }
        }
        return settings;
    }

    private ImportedNode node(String alias, boolean withJump) {
        Map<String, String> s = settings(alias);
        String host = Optional.ofNullable(s.get("hostname"))
                .map(h -> h.replace("%h", alias).replace("%%", "%"))
                .orElse(alias);
        Optional<String> user = Optional.ofNullable(s.get("user"));
        OptionalInt port = s.containsKey("port") ? OptionalInt.of(port(s.get("port"))) : OptionalInt.empty();
        SshAddress address = new SshAddress(user, host, port);
        Optional<Path> key = Optional.ofNullable(s.get("identityfile"))
                .filter(k -> !k.equalsIgnoreCase("none"))
                .map(k -> identityFile(k, alias));
        Optional<SshAddress> jump = Optional.empty();
        String proxyJump = s.get("proxyjump");
        if (withJump && proxyJump != null && !proxyJump.equalsIgnoreCase("none")) {
            if (proxyJump.contains(",")) {
                throw new IllegalArgumentException(
                        "ProxyJump " + proxyJump + " has several jump hosts; slapdesk goes through one");
            }
            jump = Optional.of(jumpAddress(proxyJump));
        }
        if (s.containsKey("proxycommand") && !s.get("proxycommand").equalsIgnoreCase("none")) {
            notes.add("Host " + alias + ": its ProxyCommand is not used (slapdesk connects directly"
                    + jump.map(j -> " or through its ProxyJump").orElse("") + ")");
        }
        return new ImportedNode(alias, address, key, jump);
    }

    /** A ProxyJump host: {@code [user@]host[:port]}, where host may be an alias of this config. */
    private SshAddress jumpAddress(String text) {
        SshAddress given = SshAddress.parse(text.startsWith("ssh://") ? text.substring(6) : text);
        if (!aliases.contains(given.host())) {
            return given;
        }
        SshAddress resolved = node(given.host(), false).address();
        return new SshAddress(
                given.user().or(resolved::user),
                resolved.host(),
                given.port().isPresent() ? given.port() : resolved.port());
    }

    private Path identityFile(String value, String alias) {
        String expanded = value.replace("%d", home.toString()).replace("%h", alias);
        if (expanded.startsWith("~/")) {
            return home.resolve(expanded.substring(2));
        }
        Path path = Path.of(expanded);
        return path.isAbsolute() ? path : home.resolve(path);
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Port " + text + " is not a number");
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    /** An ssh pattern ({@code *}, {@code ?}) as a regular expression. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
