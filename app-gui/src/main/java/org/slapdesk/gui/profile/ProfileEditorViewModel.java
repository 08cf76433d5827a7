package org.slapdesk.gui.profile;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.PassphraseProvider;
import org.slapdesk.core.master.TlsMaterial;

/**
 * Adds or edits a remote profile. Every field is checked as it changes, and the certificate,
 * key and CA are read on the spot: a key that does not belong to its certificate is said so
 * before the profile is saved.
 */
public final class ProfileEditorViewModel {

    private final Predicate<String> nameTaken;
    private final Clock clock;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty masterUrl = new SimpleStringProperty("");
    private final StringProperty restUrl = new SimpleStringProperty("");
    private final StringProperty apiUrl = new SimpleStringProperty("");
    private final StringProperty certificate = new SimpleStringProperty("");
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty ca = new SimpleStringProperty("");
    private final StringProperty colour = new SimpleStringProperty(ProfileColours.PALETTE.get(0));
    private final BooleanProperty alerts = new SimpleBooleanProperty(true);
    private final StringProperty nameError = new SimpleStringProperty("");
    private final StringProperty urlError = new SimpleStringProperty("");
    private final StringProperty restUrlError = new SimpleStringProperty("");
    private final StringProperty apiUrlError = new SimpleStringProperty("");
    private final StringProperty certificateError = new SimpleStringProperty("");
    private final StringProperty caError = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final BooleanBinding valid;
    /** The profile being edited: what the form does not show (product aliases) is kept from it. */
    private MasterProfile editing;

    /** @param nameTaken whether another profile already has that name */
    public ProfileEditorViewModel(Predicate<String> nameTaken, Clock clock) {
        this.nameTaken = nameTaken;
        this.clock = clock;
        for (StringProperty field : new StringProperty[] {name, masterUrl, restUrl, apiUrl, certificate, key, ca}) {
            field.addListener((o, was, now) -> validate());
        }
        valid = Bindings.createBooleanBinding(
                () -> nameError.get().isEmpty()
                        && urlError.get().isEmpty()
                        && restUrlError.get().isEmpty()
                        && apiUrlError.get().isEmpty()
                        && certificateError.get().isEmpty()
                        && caError.get().isEmpty(),
                nameError,
                urlError,
                restUrlError,
                apiUrlError,
                certificateError,
                caError);
        validate();
    }

    /** For a new profile: the first palette colour that none of {@code existing} uses. */
    public void pickColourUnlike(Collection<MasterProfile> existing) {
        colour.set(ProfileColours.firstUnused(
                existing.stream().map(MasterProfile::colour).toList()));
    }

    public void edit(MasterProfile profile) {
        editing = profile;
        name.set(profile.name());
        masterUrl.set(profile.masterUrl().map(URI::toString).orElse(""));
        restUrl.set(profile.restUrl().map(URI::toString).orElse(""));
        apiUrl.set(profile.apiUrl().map(URI::toString).orElse(""));
        certificate.set(profile.certFile().map(Path::toString).orElse(""));
        key.set(profile.keyFile().map(Path::toString).orElse(""));
        ca.set(profile.caFile().map(Path::toString).orElse(""));
        colour.set(profile.colour());
        validate();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty masterUrlProperty() {
        return masterUrl;
    }

    /** Where the master's HATEOAS API is, for masters that do not say ({@code master_rest_url}); may stay empty. */
    public StringProperty restUrlProperty() {
        return restUrl;
    }

    public StringProperty restUrlErrorProperty() {
        return restUrlError;
    }

    /** Where the master's JSON-RPC API is when not at the master URL (the real master's portal_web_services); may stay empty. */
    public StringProperty apiUrlProperty() {
        return apiUrl;
    }

    public StringProperty apiUrlErrorProperty() {
        return apiUrlError;
    }

    public StringProperty certificateProperty() {
        return certificate;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty caProperty() {
        return ca;
    }

    /** Whether the profile raises alerts (a change to red: notification history and desktop). */
    public BooleanProperty alertsProperty() {
        return alerts;
    }

    public StringProperty colourProperty() {
        return colour;
    }

    public StringProperty nameErrorProperty() {
        return nameError;
    }

    public StringProperty urlErrorProperty() {
        return urlError;
    }
    /** Certificate and key problems, including "the key does not belong to the certificate". */
    public StringProperty certificateErrorProperty() {
        return certificateError;
    }

    public StringProperty caErrorProperty() {
        return caError;
    }
    /** Not an error: e.g. "encrypted key: its passphrase is asked when connecting". */
    public StringProperty noteProperty() {
        return note;
    }

    public BooleanBinding validBinding() {
        return valid;
    }

    public void validate() {
        String n = name.get().trim();
        if (n.isEmpty()) {
            nameError.set("give the profile a name");
        } else if (n.equalsIgnoreCase(MasterProfile.LOCAL_NAME) || nameTaken.test(n)) {
            nameError.set("another profile is already called '" + n + "'");
        } else {
            nameError.set("");
        }
        urlError.set(urlProblem(masterUrl.get().trim()));
        restUrlError.set(restUrl.get().isBlank() ? "" : urlProblem(restUrl.get().trim()));
        apiUrlError.set(apiUrl.get().isBlank() ? "" : urlProblem(apiUrl.get().trim()));
        note.set("");
        certificateError.set(urlError.get().isEmpty() ? certificateProblem() : "");
        caError.set(fileProblem(ca.get(), "CA certificate"));
    }

    private static String urlProblem(String url) {
        if (url.isEmpty()) {
            return "give the master URL, e.g. https://slap.vifib.com/";
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return "'" + url + "' is not an http:// or https:// URL";
            }
            return "";
        } catch (URISyntaxException e) {
            return "'" + url + "' is not a URL: " + e.getReason();
        }
    }

    private String certificateProblem() {
        boolean hasCert = !certificate.get().isBlank();
        boolean hasKey = !key.get().isBlank();
        if (hasCert != hasKey) {
            return hasCert ? "a certificate needs its key file too" : "a key needs its certificate file too";
        }
        if (!hasCert) {
            if (masterUrl.get().trim().toLowerCase(Locale.ROOT).startsWith("https")) {
                note.set("no client certificate: most https masters ask for one (slapos configure client makes it)");
            }
            return "";
        }
        String problem = fileProblem(certificate.get(), "certificate") + fileProblem(key.get(), "key");
        if (!problem.isEmpty()) {
            return problem;
        }
        try {
            TlsMaterial.load(toMasterProfile(), PassphraseProvider.none(), clock);
            return "";
        } catch (MasterException.AuthenticationFailed e) {
            if (e.reason() == MasterException.AuthenticationFailed.Reason.KEY_ENCRYPTED) {
                note.set("the key is encrypted: its passphrase is asked when connecting");
                return "";
            }
            return e.getMessage();
        } catch (RuntimeException e) {
            return "the certificate or key cannot be read: " + e.getMessage();
        }
    }

    private static String fileProblem(String path, String what) {
        if (path == null || path.isBlank()) {
            return "";
        }
        Path file = Path.of(path.trim());
        if (!Files.isRegularFile(file)) {
            return "the " + what + " file " + file + " does not exist. ";
        }
        if (!Files.isReadable(file)) {
            return "the " + what + " file " + file + " cannot be read. ";
        }
        return "";
    }

    private MasterProfile toMasterProfile() {
        return new MasterProfile(
                name.get().isBlank() ? "new" : name.get().trim(),
                MasterProfile.Kind.REMOTE,
                Optional.of(MasterProfile.parseUrl(masterUrl.get(), "master URL")),
                restUrl.get().isBlank()
                        ? Optional.empty()
                        : Optional.of(MasterProfile.parseUrl(restUrl.get(), "REST URL")),
                optionalPath(certificate.get()),
                optionalPath(key.get()),
                optionalPath(ca.get()),
                colour.get(),
                editing == null ? Map.of() : editing.productAliases(),
                apiUrl.get().isBlank()
                        ? Optional.empty()
                        : Optional.of(MasterProfile.parseUrl(apiUrl.get(), "JSON-RPC API URL")));
    }

    /** The profile to save; call only when {@link #validBinding()} holds. */
    public MasterProfile toProfile() {
        validate();
        if (!valid.get()) {
            throw new IllegalStateException("the profile is not valid: "
                    + String.join(
                                    " ",
                                    nameError.get(),
                                    urlError.get(),
                                    restUrlError.get(),
                                    apiUrlError.get(),
                                    certificateError.get(),
                                    caError.get())
                            .trim());
        }
        return toMasterProfile();
    }

    private static Optional<Path> optionalPath(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(Path.of(text.trim()));
    }
}
