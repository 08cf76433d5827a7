package org.slapdesk.core.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An INI file read the way Python's {@code configparser.ConfigParser} reads slapos.cfg and
 * slapos-client.cfg (sections, {@code key = value} or {@code key: value}, full-line {@code #}
 * and {@code ;} comments, indented continuation lines, keys case-insensitive, {@code %(name)s}
 * interpolation, duplicates refused), and written back so that an unchanged file is
 * byte-for-byte the same and an edit touches only the lines of the edited key.
 *
 * <p>Not thread-safe: one owner edits it, then {@link #save()}s.
 */
public final class IniFile {

    public static final String DEFAULT_SECTION = "DEFAULT";

    private static final Logger LOG = LoggerFactory.getLogger(IniFile.class);

    private static final Pattern SECTION_HEADER = Pattern.compile("\\[(.+)\\]");
    private static final Pattern OPTION = Pattern.compile("(?U)(.*?)\\s*([=:])\\s*(.*)");
    private static final Pattern INTERPOLATION_REFERENCE = Pattern.compile("%\\(([^)]+)\\)s");
    private static final int MAX_INTERPOLATION_DEPTH = 10;
    private static final String DEFAULT_CONTINUATION_INDENT = "  ";

    private record Line(String text, String end) {}

    private record Entry(String key, int start, int end, String rawValue) {}

    private record Section(String name, int header, int end, List<Entry> entries) {
        Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }
    }

    private final String source;
    private final Path path;
    private final List<Line> lines;
    private final String newline;
    private List<Section> sections;
    private boolean modified;

    private IniFile(String source, Path path, List<Line> lines, String newline) {
        this.source = source;
        this.path = path;
        this.lines = lines;
        this.newline = newline;
        this.sections = index();
    }

    // ------------------------------------------------------------------ reading

    /** Reads a UTF-8 file; the message of any failure names the file and line. */
    public static IniFile load(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IniFormatException(path + " is not UTF-8 text; save it as UTF-8 and retry");
        }
        return parse(text, path.toString(), path);
    }

    /** Parses text; {@code source} names it in messages. */
    public static IniFile parse(String text, String source) {
        return parse(text, source, null);
    }

    private static IniFile parse(String text, String source, Path path) {
        List<Line> lines = splitLines(text);
        String newline = lines.stream()
                .map(Line::end)
                .filter(e -> !e.isEmpty())
                .findFirst()
                .orElse("\n");
        return new IniFile(source, path, lines, newline);
    }

    /** An empty file that {@link #save(Path)} can write. */
    public static IniFile empty(String source) {
        return parse("", source);
    }

    private static List<Line> splitLines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                lines.add(new Line(text.substring(start), ""));
                break;
            }
            boolean crlf = nl > start && text.charAt(nl - 1) == '\r';
            lines.add(new Line(text.substring(start, crlf ? nl - 1 : nl), crlf ? "\r\n" : "\n"));
            start = nl + 1;
        }
        return lines;
    }

    /** configparser's reading loop, recording where each section and value lives. */
    private List<Section> index() {
        List<Section> found = new ArrayList<>();
        String sectionName = null;
        int sectionHeader = -1;
        List<Entry> entries = null;
        String optionKey = null;
        int optionStart = -1;
        int optionEnd = -1;
        List<String> optionParts = null;
        int indentLevel = 0;

        for (int i = 0; i < lines.size(); i++) {
            String text = i == 0 ? stripBom(lines.get(i).text()) : lines.get(i).text();
            String stripped = text.strip();
            if (stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            if (stripped.isEmpty()) {
                if (optionParts != null) {
                    optionParts.add("");
                }
                continue;
            }
            int indent = indentOf(text);
            if (sectionName != null && optionKey != null && indent > indentLevel) {
                optionParts.add(stripped);
                optionEnd = i + 1;
                continue;
            }
            indentLevel = indent;
            if (optionKey != null) {
                entries.add(new Entry(optionKey, optionStart, optionEnd, joinValue(optionParts)));
                optionKey = null;
                optionParts = null;
            }
            Matcher header = SECTION_HEADER.matcher(stripped);
            if (header.lookingAt()) {
                String name = header.group(1);
                if (sectionName != null) {
                    found.add(new Section(sectionName, sectionHeader, i, List.copyOf(entries)));
                }
                for (Section s : found) {
                    if (s.name().equals(name)) {
                        throw new IniFormatException(where(i) + ": section [" + name
                                + "] appears a second time (first at line " + (s.header() + 1)
                                + "); merge the two sections");
                    }
                }
                sectionName = name;
                sectionHeader = i;
                entries = new ArrayList<>();
                continue;
            }
            if (sectionName == null) {
                throw new IniFormatException(where(i) + ": text before the first [section] header: " + stripped
                        + " (add a section header such as [slapos] above it)");
            }
            Matcher option = OPTION.matcher(stripped);
            if (!option.matches() || option.group(1).isEmpty()) {
                throw new IniFormatException(where(i) + ": expected 'key = value', found: " + stripped);
            }
            String key = optionKey(option.group(1));
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    throw new IniFormatException(where(i) + ": key '" + key + "' appears a second time in ["
                            + sectionName + "] (first at line " + (e.start() + 1) + "); keep only one");
                }
            }
            optionKey = key;
            optionStart = i;
            optionEnd = i + 1;
            optionParts = new ArrayList<>();
            optionParts.add(option.group(3).strip());
        }
        if (optionKey != null) {
            entries.add(new Entry(optionKey, optionStart, optionEnd, joinValue(optionParts)));
        }
        if (sectionName != null) {
            found.add(new Section(sectionName, sectionHeader, lines.size(), List.copyOf(entries)));
        }
        return List.copyOf(found);
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String joinValue(List<String> parts) {
        return String.join("\n", parts).stripTrailing();
    }

    private static String optionKey(String text) {
        return text.stripTrailing().toLowerCase(Locale.ROOT);
    }

    private static int indentOf(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private String where(int lineIndex) {
        return source + " line " + (lineIndex + 1);
    }

    // ------------------------------------------------------------------ queries

    /** The section names in file order, without {@code [DEFAULT]} (as configparser's sections()). */
    public List<String> sectionNames() {
        return sections.stream()
                .map(Section::name)
                .filter(n -> !n.equals(DEFAULT_SECTION))
                .toList();
    }

    public boolean hasSection(String section) {
        return findSection(section).isPresent();
    }

    /** The keys written in this section, lower-cased, in file order (defaults not included). */
    public List<String> keys(String section) {
        return findSection(section)
                .map(s -> s.entries().stream().map(Entry::key).toList())
                .orElse(List.of());
    }

    public boolean hasKey(String section, String key) {
        return rawValue(section, optionKey(key)).isPresent();
    }

    /** The value with {@code %(name)s} and {@code %%} interpolated, as configparser's get(). */
    public Optional<String> get(String section, String key) {
        String k = optionKey(key);
        return rawValue(section, k).map(raw -> interpolate(section, k, raw, 1));
    }

    /** The value as written, without interpolation. */
    public Optional<String> getRaw(String section, String key) {
        return rawValue(section, optionKey(key));
    }

    /** The value or a {@link ConfigException} naming the missing key. */
    public String require(String section, String key) {
        return get(section, key)
                .filter(v -> !v.isEmpty())
                .orElseThrow(() -> new ConfigException(source + ": [" + section + "] " + key + " is missing; add '"
                        + key + " = …' to [" + section + "]"));
    }

    /** A multi-line value as its non-empty lines, each stripped; empty when the key is absent. */
    public List<String> getList(String section, String key) {
        return get(section, key)
                .map(v -> Arrays.stream(v.split("\n"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    /** configparser's getboolean: 1/yes/true/on and 0/no/false/off, any case. */
    public Optional<Boolean> getBoolean(String section, String key) {
        return get(section, key).map(v -> switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "true", "on" -> Boolean.TRUE;
            case "0", "no", "false", "off" -> Boolean.FALSE;
            default ->
                throw new ConfigException(
                        source + ": [" + section + "] " + key + " = '" + v + "' is not a boolean; write true or false");
        });
    }

    public Optional<Integer> getInt(String section, String key) {
        return get(section, key).map(v -> {
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw new ConfigException(
                        source + ": [" + section + "] " + key + " = '" + v + "' is not a whole number", e);
            }
        });
    }

    private Optional<String> rawValue(String section, String key) {
        Optional<Section> s = findSection(section);
        if (s.isEmpty() && !section.equals(DEFAULT_SECTION)) {
            return Optional.empty();
        }
        Optional<Entry> own = s.flatMap(x -> x.entry(key));
        if (own.isPresent()) {
            return own.map(Entry::rawValue);
        }
        return findSection(DEFAULT_SECTION).flatMap(d -> d.entry(key)).map(Entry::rawValue);
    }

    private String interpolate(String section, String key, String raw, int depth) {
        if (depth > MAX_INTERPOLATION_DEPTH) {
            throw new ConfigException(source + ": [" + section + "] " + key
                    + " refers to itself through %(…)s more than " + MAX_INTERPOLATION_DEPTH + " times");
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            int p = raw.indexOf('%', i);
            if (p < 0) {
                out.append(raw, i, raw.length());
                break;
            }
            out.append(raw, i, p);
            char next = p + 1 < raw.length() ? raw.charAt(p + 1) : 0;
            if (next == '%') {
                out.append('%');
                i = p + 2;
            } else if (next == '(') {
                Matcher m = INTERPOLATION_REFERENCE.matcher(raw).region(p, raw.length());
                if (!m.lookingAt()) {
                    throw new ConfigException(source + ": [" + section + "] " + key
                            + " has a bad '%(name)s' reference: " + raw.substring(p) + " (write %% for a literal %)");
                }
                String name = optionKey(m.group(1));
                String referenced = rawValue(section, name)
                        .orElseThrow(() -> new ConfigException(source + ": ["
                                + section + "] " + key + " refers to %(" + name + ")s, which is not set in [" + section
                                + "] or [DEFAULT] (write %% for a literal %)"));
                out.append(
                        referenced.indexOf('%') >= 0 ? interpolate(section, name, referenced, depth + 1) : referenced);
                i = m.end();
            } else {
                throw new ConfigException(source + ": [" + section + "] " + key
                        + " has a '%' that is neither '%%' nor '%(name)s': " + raw + " (write %% for a literal %)");
            }
        }
        return out.toString();
    }

    private Optional<Section> findSection(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    // ------------------------------------------------------------------ editing

    /**
     * Sets a value (a literal: {@code %} is written {@code %%}); several lines become
     * continuation lines. An existing key keeps its place and spacing; a new key goes after the
     * last key of its section; a missing section is appended at the end of the file.
     */
    public void set(String section, String key, String value) {
        setRaw(section, key, value.replace("%", "%%"));
    }

    /** A list value in slapos' style: {@code key =} then one indented line per item. */
    public void setList(String section, String key, List<String> items) {
        List<String> clean = new ArrayList<>();
        for (String item : items) {
            if (item.contains("\n") || item.strip().isEmpty()) {
                throw new IllegalArgumentException("list items for [" + section + "] " + key
                        + " must be single non-blank lines, got: '" + item + "'");
            }
            clean.add(item.strip());
        }
        set(section, key, clean.isEmpty() ? "" : "\n" + String.join("\n", clean));
    }

    /** As {@link #set} but the value is written as given, so {@code %(name)s} stays a reference. */
    public void setRaw(String section, String key, String value) {
        validateSectionName(section);
        String k = validateKey(key);
        List<String> valueLines = valueLines(section, k, value);
        Optional<Section> s = findSection(section);
        if (s.isEmpty()) {
            List<String> added = new ArrayList<>();
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).text().isBlank()) {
                added.add("");
            }
            added.add("[" + section + "]");
            added.addAll(render(key.strip() + " = ", "", DEFAULT_CONTINUATION_INDENT, valueLines));
            replace(lines.size(), lines.size(), added);
            return;
        }
        Optional<Entry> existing = s.get().entry(k);
        if (existing.isPresent()) {
            Entry e = existing.get();
            KeyLine keyLine = KeyLine.of(lines.get(e.start()).text());
            String continuationIndent =
                    e.end() - e.start() > 1 ? continuationIndentOf(e) : keyLine.indent() + DEFAULT_CONTINUATION_INDENT;
            List<String> replacement =
                    render(keyLine.prefix(), keyLine.spaceBeforeDelimiter(), continuationIndent, valueLines);
            if (!replacement.equals(currentTexts(e.start(), e.end()))) {
                replace(e.start(), e.end(), replacement);
            }
            return;
        }
        Section target = s.get();
        int at = target.entries().isEmpty()
                ? target.header() + 1
                : target.entries().get(target.entries().size() - 1).end();
        replace(at, at, render(key.strip() + " = ", "", DEFAULT_CONTINUATION_INDENT, valueLines));
    }

    /** Removes a key with its continuation lines; false when it was not there. */
    public boolean remove(String section, String key) {
        Optional<Entry> e = findSection(section).flatMap(s -> s.entry(optionKey(key)));
        e.ifPresent(entry -> replace(entry.start(), entry.end(), List.of()));
        return e.isPresent();
    }

    /** Adds an empty section at the end of the file unless it exists. */
    public void addSection(String section) {
        validateSectionName(section);
        if (findSection(section).isPresent()) {
            return;
        }
        List<String> added = new ArrayList<>();
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).text().isBlank()) {
            added.add("");
        }
        added.add("[" + section + "]");
        replace(lines.size(), lines.size(), added);
    }

    public boolean isModified() {
        return modified;
    }

    private record KeyLine(String indent, String prefix, String spaceBeforeDelimiter) {
        /** The key line up to where its value starts, so an edit keeps its spacing style. */
        static KeyLine of(String text) {
            int indent = indentOf(text);
            String stripped = text.strip();
            Matcher m = OPTION.matcher(stripped);
            if (!m.matches()) {
                throw new IllegalStateException("indexed key line no longer parses: " + text);
            }
            return new KeyLine(
                    text.substring(0, indent),
                    text.substring(0, indent + m.start(3)),
                    stripped.substring(m.end(1), m.start(2)));
        }
    }

    private String continuationIndentOf(Entry e) {
        for (int i = e.start() + 1; i < e.end(); i++) {
            String text = lines.get(i).text();
            String stripped = text.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#") && !stripped.startsWith(";")) {
                return text.substring(0, indentOf(text));
            }
        }
        return DEFAULT_CONTINUATION_INDENT;
    }

    private static List<String> render(
            String prefix, String spaceBeforeDelimiter, String continuationIndent, List<String> valueLines) {
        List<String> out = new ArrayList<>();
        String first = valueLines.get(0);
        if (first.isEmpty()) {
            out.add(prefix.stripTrailing());
        } else {
            boolean endsAtDelimiter = prefix.endsWith("=") || prefix.endsWith(":");
            out.add(prefix + (endsAtDelimiter ? spaceBeforeDelimiter : "") + first);
        }
        for (String line : valueLines.subList(1, valueLines.size())) {
            out.add(line.isEmpty() ? "" : continuationIndent + line);
        }
        return out;
    }

    private List<String> valueLines(String section, String key, String value) {
        if (value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("value for [" + section + "] " + key + " contains a carriage return");
        }
        if (!isWellFormedUnicode(value)) {
            throw new IllegalArgumentException("value for [" + section + "] " + key
                    + " contains a lone surrogate, which cannot be written as UTF-8");
        }
        List<String> valueLines = new ArrayList<>(
                Arrays.stream(value.split("\n", -1)).map(String::strip).toList());
        while (valueLines.size() > 1 && valueLines.get(valueLines.size() - 1).isEmpty()) {
            valueLines.remove(valueLines.size() - 1);
        }
        for (String line : valueLines.subList(1, valueLines.size())) {
            if (line.startsWith("#") || line.startsWith(";")) {
                throw new IllegalArgumentException("value for [" + section + "] " + key
                        + " has a line starting with # or ;, which configparser would read as a comment: " + line);
            }
        }
        return valueLines;
    }

    private static boolean isWellFormedUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void validateSectionName(String section) {
        if (section.isEmpty() || section.contains("]") || section.contains("\n") || section.contains("\r")) {
            throw new IllegalArgumentException("not a usable section name: '" + section + "'");
        }
    }

    private static String validateKey(String key) {
        String k = key.strip();
        if (k.isEmpty()
                || k.contains("=")
                || k.contains(":")
                || k.contains("\n")
                || k.contains("\r")
                || k.startsWith("[")
                || k.startsWith("#")
                || k.startsWith(";")) {
            throw new IllegalArgumentException("not a usable key name: '" + key + "'");
        }
        return optionKey(k);
    }

    private List<String> currentTexts(int from, int to) {
        return lines.subList(from, to).stream().map(Line::text).toList();
    }

    private void replace(int from, int to, List<String> texts) {
        if (from == lines.size() && from > 0 && lines.get(from - 1).end().isEmpty() && !texts.isEmpty()) {
            Line last = lines.get(from - 1);
            lines.set(from - 1, new Line(last.text(), newline));
        }
        // a replaced block keeps the terminator of its last line (it may be the file's last line)
        String lastEnd = to > from ? lines.get(to - 1).end() : newline;
        List<Line> replacement = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            replacement.add(new Line(texts.get(i), i == texts.size() - 1 ? lastEnd : newline));
        }
        List<Line> tail = new ArrayList<>(lines.subList(to, lines.size()));
        lines.subList(from, lines.size()).clear();
        lines.addAll(replacement);
        lines.addAll(tail);
        modified = true;
        sections = index();
    }

    // ------------------------------------------------------------------ writing

    /** The whole text; identical to what was read when nothing was edited. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(line.text()).append(line.end());
        }
        return out.toString();
    }

    /** Writes back to the file it was loaded from. */
    public void save() throws IOException {
        if (path == null) {
            throw new IllegalStateException(source + " was not loaded from a file; use save(Path)");
        }
        save(path);
    }

    /**
     * Writes atomically (a temporary file beside it, then a rename), keeping the permissions of
     * the file it replaces (slapos-client.cfg and its keys are often 0600).
     */
    public void save(Path target) throws IOException {
        // write through a symlink to the file it points at, as an editor would
        Path real = Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
        Path dir = real.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + real.getFileName(), ".tmp");
        try {
            Files.writeString(temp, render(), StandardCharsets.UTF_8);
            if (Files.exists(real)) {
                copyPermissionsAndOwner(real, temp);
            }
            try {
                Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void copyPermissionsAndOwner(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source == null || target == null) {
            return;
        }
        PosixFileAttributes attributes = source.readAttributes();
        target.setPermissions(attributes.permissions());
        try {
            // only root may give the file back to its owner; anyone else already owns both
            if (!attributes.owner().equals(Files.getOwner(to))) {
                target.setOwner(attributes.owner());
            }
            target.setGroup(attributes.group());
        } catch (IOException e) {
            LOG.debug("could not keep owner/group of {}: {}", from, e.getMessage());
        }
    }

    /** Every section's values (interpolated), for display and debugging. */
    public Map<String, Map<String, String>> asMap() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Section s : sections) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Entry e : s.entries()) {
                values.put(e.key(), interpolate(s.name(), e.key(), e.rawValue(), 1));
            }
            out.put(s.name(), Collections.unmodifiableMap(values));
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        return "IniFile[" + source + "]";
    }
}
