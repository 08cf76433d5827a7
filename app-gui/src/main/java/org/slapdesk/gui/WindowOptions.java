package org.slapdesk.gui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.gui.page.Page;

/**
 * The window's own options: {@code --snapshot FILE}, {@code --view PAGE} (or {@code wall}),
 * {@code --profile NAME} (several for the wall to cycle through), {@code --theme light|dark},
 * {@code --wall}. {@code profile} is the first profile named; {@code theme} is empty when no
 * --theme was given (the saved theme applies).
 */
public record WindowOptions(
        Optional<Path> snapshot,
        Page view,
        Optional<String> profile,
        Optional<Boolean> theme,
        boolean wall,
        List<String> profiles) {

    public WindowOptions {
        profiles = List.copyOf(profiles);
    }

    /** True when --theme dark was given; without --theme the saved theme applies. */
    public boolean dark() {
        return theme.orElse(false);
    }

    public static boolean isWindowOption(String argument) {
        return List.of("--snapshot", "--view", "--profile", "--theme", "--wall").stream()
                .anyMatch(o -> argument.equals(o) || argument.startsWith(o + "="));
    }

    public static WindowOptions parse(List<String> args) {
        Optional<Path> snapshot = Optional.empty();
        Page view = Page.SERVERS;
        Optional<String> profile = Optional.empty();
        Optional<Boolean> dark = Optional.empty();
        boolean wall = false;
        List<String> profiles = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--wall")) {
                wall = true;
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(name + " needs a value, e.g. " + name + " " + example(name));
            }
            switch (name) {
                case "--snapshot" -> snapshot = Optional.of(Path.of(value));
                case "--view" -> {
                    if (value.equalsIgnoreCase("wall")) {
                        wall = true;
                        view = Page.DASHBOARD;
                    } else {
                        view = Page.named(value)
                                .orElseThrow(
                                        () -> new IllegalArgumentException(
                                                "unknown view '" + value
                                                        + "': use one of dashboard, servers, services, nodes, tasks, activity, settings, wall"));
                    }
                }
                case "--profile" -> {
                    profiles.add(value);
                    if (profile.isEmpty()) {
                        profile = Optional.of(value);
                    }
                }
                case "--theme" -> {
                    if (!value.equals("light") && !value.equals("dark")) {
                        throw new IllegalArgumentException("unknown theme '" + value + "': use light or dark");
                    }
                    dark = Optional.of(value.equals("dark"));
                }
                default ->
                    throw new IllegalArgumentException(
                            "unknown window option '" + arg
                                    + "': the window takes --snapshot FILE, --view PAGE, --profile NAME, --theme light|dark and --wall");
            }
        }
        return new WindowOptions(snapshot, view, profile, dark, wall, profiles);
    }

    private static String example(String option) {
        return switch (option) {
            case "--snapshot" -> "window.png";
            case "--view" -> "services";
            case "--theme" -> "dark";
            default -> "local";
        };
    }
}
