package io.vigil.ui.targets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;

import io.vigil.config.ConfigStore;
import io.vigil.config.ConnectBy;
import io.vigil.config.InvalidConfigException;
import io.vigil.config.Problem;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.Tls;
import io.vigil.config.TlsMode;
import io.vigil.config.Validation;
import io.vigil.i18n.Messages;
import io.vigil.target.ProbeResult;
import io.vigil.tls.CaTrust;
import io.vigil.tls.TlsRefused;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * State and rules of the add/edit target form. Every change re-validates, so each field shows its problem as the user
 * types and Save stays disabled while anything is wrong. The password is never shown back: left empty while editing,
 * the stored one is kept.
 */
public final class TargetFormViewModel {

    static final List<String> FIELDS = List.of("name", "kind", "connectBy", "host", "port", "database", "tnsAdmin", "user", "tags", "tls",
            "tlsCaFile");

    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<TargetKind> kind = new SimpleObjectProperty<>(TargetKind.ORACLE);
    private final ObjectProperty<ConnectBy> connectBy = new SimpleObjectProperty<>(ConnectBy.SERVICE_NAME);
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty(String.valueOf(TargetKind.ORACLE.defaultPort()));
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty tnsAdmin = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty tags = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final BooleanProperty diagnosticsPack = new SimpleBooleanProperty(false);
    private final BooleanProperty tuningPack = new SimpleBooleanProperty(false);
    private final ObjectProperty<TlsMode> tlsMode = new SimpleObjectProperty<>(TlsMode.OFF);
    private final StringProperty tlsCaFile = new SimpleStringProperty("");

    private final Map<String, ReadOnlyStringWrapper> problems = new HashMap<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testPassed = new ReadOnlyBooleanWrapper(false);
    private Function<Target, ProbeResult> prober = t -> null;

    private final Target original;
    private final List<Target> saved;
    private final ConfigStore store;
    private final TaskExecutor executor;
    private final Messages messages;

    /** A form for a new target ({@code original == null}) or for editing {@code original}; {@code saved} is every stored target. */
    public TargetFormViewModel(Target original, List<Target> saved, ConfigStore store, TaskExecutor executor, Messages messages) {
        this.original = original;
        this.saved = List.copyOf(saved);
        this.store = store;
        this.executor = executor;
        this.messages = messages;
        FIELDS.forEach(f -> problems.put(f, new ReadOnlyStringWrapper("")));
        if (original != null) {
            load(original);
        }
        kind.addListener((obs, was, now) -> onKindChanged(was, now));
        ChangeListener<Object> revalidate = (obs, was, now) -> validate();
        List.of(name, kind, connectBy, host, port, database, tnsAdmin, user, password, tags, enabled, diagnosticsPack, tuningPack, tlsMode,
                        tlsCaFile)
                .forEach(p -> p.addListener(revalidate));
        validate();
    }

    private void load(Target t) {
        name.set(t.name());
        kind.set(t.kind());
        connectBy.set(t.connectBy());
        host.set(t.host());
        port.set(t.port() == 0 ? "" : String.valueOf(t.port()));
        database.set(t.database());
        tnsAdmin.set(t.tnsAdmin());
        user.set(t.user());
        tags.set(String.join(", ", t.tags()));
        enabled.set(t.enabled());
        diagnosticsPack.set(t.licensed().contains(io.vigil.config.LicensedPack.DIAGNOSTICS));
        tuningPack.set(t.licensed().contains(io.vigil.config.LicensedPack.TUNING));
        tlsMode.set(t.tls().mode());
        tlsCaFile.set(t.tls().caFile());
    }

    /**
     * The TLS choices for a kind, in the order of the ladder: MySQL's and PostgreSQL's four, Oracle's off or TCPS (whose
     * driver always checks the certificate, so "require" is no separate step there), nothing but off for the demo.
     */
    public static List<TlsMode> tlsModes(TargetKind kind) {
        if (kind == null || !kind.isNetworked()) {
            return List.of(TlsMode.OFF);
        }
        return kind == TargetKind.ORACLE ? List.of(TlsMode.OFF, TlsMode.VERIFY_CA, TlsMode.VERIFY_FULL) : List.of(TlsMode.values());
    }

    /** How a TLS choice reads for a kind: MySQL's sslMode, PostgreSQL's sslmode, Oracle's TCPS. */
    public static String tlsLabel(TargetKind kind, TlsMode mode, Messages messages) {
        if (mode == null || mode == TlsMode.OFF || kind == null) {
            return messages.get("tls.mode.OFF");
        }
        return messages.get("tls.mode." + kind.packKind().name() + "." + mode.name());
    }

    // A kind brings its usual port and connect mode, unless the user already typed another port.
    private void onKindChanged(TargetKind was, TargetKind now) {
        if (now == null) {
            return;
        }
        String usual = was == null || was.defaultPort() == 0 ? "" : String.valueOf(was.defaultPort());
        if (port.get().isBlank() || port.get().strip().equals(usual)) {
            port.set(now.defaultPort() == 0 ? "" : String.valueOf(now.defaultPort()));
        }
        boolean oracleMode = connectBy.get() != ConnectBy.DATABASE;
        if (now.packKind() == TargetKind.ORACLE && !oracleMode) {
            connectBy.set(ConnectBy.SERVICE_NAME);
        } else if (now == TargetKind.MYSQL || now == TargetKind.POSTGRES) {
            connectBy.set(ConnectBy.DATABASE);
        }
        if (!tlsModes(now).contains(tlsMode.get())) {
            tlsMode.set(now.isNetworked() ? TlsMode.VERIFY_CA : TlsMode.OFF); // Oracle's TCPS checks the CA anyway
        }
    }

    /** The target the fields describe now; a port that is not a number becomes -1 (and a problem). */
    public Target toTarget() {
        Secret pw = password.get().isEmpty() && original != null ? original.password() : Secret.of(password.get());
        List<String> tagList = Arrays.stream(tags.get().split("[,，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new Target(original == null ? 0 : original.id(), name.get(), kind.get(), host.get(), parsePort(), connectBy.get(),
                database.get(), tnsAdmin.get(), user.get(), pw, tagList, enabled.get(), licensed(),
                Tls.of(tlsMode.get(), tlsCaFile.get()));
    }

    // Only an Oracle target has option packs; the Tuning Pack cannot be licensed without the Diagnostics Pack.
    private java.util.Set<io.vigil.config.LicensedPack> licensed() {
        java.util.Set<io.vigil.config.LicensedPack> packs = java.util.EnumSet.noneOf(io.vigil.config.LicensedPack.class);
        if (kind.get() != null && kind.get().packKind() == TargetKind.ORACLE) {
            if (diagnosticsPack.get() || tuningPack.get()) {
                packs.add(io.vigil.config.LicensedPack.DIAGNOSTICS);
            }
            if (tuningPack.get()) {
                packs.add(io.vigil.config.LicensedPack.TUNING);
            }
        }
        return packs;
    }

    private int parsePort() {
        String p = port.get().strip();
        if (p.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(p);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void validate() {
        Target t = toTarget();
        List<Problem> found = new ArrayList<>(Validation.target(t, saved));
        if (t.port() == -1) {
            found.removeIf(p -> p.field().equals("port"));
            found.add(Problem.of("port", "problem.port.number", port.get().strip()));
        }
        caFileProblem(t).ifPresent(found::add);
        show(found);
    }

    /**
     * The CA file as this workstation sees it: there, a file (a folder only for an Oracle wallet), and holding a
     * certificate. A small local file, read when the field changes; the store does not ask this (another collector may
     * keep the file elsewhere).
     */
    private static java.util.Optional<Problem> caFileProblem(Target t) {
        if (!t.tls().on() || !t.tls().hasCaFile()) {
            return java.util.Optional.empty();
        }
        java.nio.file.Path ca;
        try {
            ca = java.nio.file.Path.of(t.tls().caFile());
        } catch (java.nio.file.InvalidPathException e) {
            return java.util.Optional.of(Problem.of("tlsCaFile", "problem.tls.caFile.missing", Problem.cut(t.tls().caFile())));
        }
        if (java.nio.file.Files.isDirectory(ca)) {
            return t.kind() == TargetKind.ORACLE ? java.util.Optional.empty()
                    : java.util.Optional.of(Problem.of("tlsCaFile", "problem.tls.caFile.folder"));
        }
        if (!java.nio.file.Files.isRegularFile(ca)) {
            return java.util.Optional.of(Problem.of("tlsCaFile", "problem.tls.caFile.missing", Problem.cut(t.tls().caFile())));
        }
        try {
            CaTrust.read(ca);
            return java.util.Optional.empty();
        } catch (TlsRefused e) {
            return java.util.Optional.of(new Problem("tlsCaFile", e.reason().key(), e.reason().args()));
        }
    }

    private void show(List<Problem> found) {
        Map<String, String> byField = new HashMap<>();
        for (Problem p : found) {
            byField.merge(p.field(), p.describe(messages), (a, b) -> a + " " + b);
        }
        problems.forEach((field, text) -> text.set(byField.getOrDefault(field, "")));
        valid.set(found.isEmpty());
        formError.set("");
    }

    /** Saves in the background; {@code onSaved} gets the stored target, problems and store errors land in the form. */
    public void save(Consumer<Target> onSaved) {
        if (!valid.get() || saving.get()) {
            return;
        }
        saving.set(true);
        Target target = toTarget();
        executor.run(() -> store.saveTarget(target), stored -> {
            saving.set(false);
            onSaved.accept(stored);
        }, e -> {
            saving.set(false);
            if (e instanceof InvalidConfigException invalid) {
                show(invalid.problems()); // someone saved the same name meanwhile
                valid.set(false);
            }
            formError.set(UserErrors.describe(e, messages));
        });
    }

    /** How "Test connection" reaches the target (the collector's connections); without one the test is not offered. */
    public TargetFormViewModel withProber(Function<Target, ProbeResult> p) {
        this.prober = p;
        return this;
    }

    /**
     * Tries the connection the fields describe, in the background: one attempt, bounded by the connect timeout. The
     * result says in words what failed (login refused, unknown host, no listener, timeout, missing privilege).
     */
    public void testConnection() {
        if (!valid.get() || testing.get()) {
            return;
        }
        testing.set(true);
        testPassed.set(false);
        testResult.set(messages.get("target.test.running"));
        Target target = toTarget();
        executor.run(() -> prober.apply(target), r -> {
            testing.set(false);
            if (r == null) {
                testResult.set(messages.get("target.test.unavailable"));
            } else if (r.ok()) {
                testPassed.set(true);
                testResult.set(messages.get("target.test.ok", r.version(), r.took().toMillis()));
            } else {
                testResult.set(messages.render(r.failure().reason()));
            }
        }, e -> {
            testing.set(false);
            testResult.set(UserErrors.describe(e, messages));
        });
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testPassedProperty() {
        return testPassed.getReadOnlyProperty();
    }

    public boolean isNew() {
        return original == null;
    }

    /** Whether the kind reads host, port and credentials (all but the demo). */
    public boolean networked() {
        return kind.get() != null && kind.get().isNetworked();
    }

    public ReadOnlyStringProperty problemProperty(String field) {
        ReadOnlyStringWrapper w = problems.get(field);
        if (w == null) {
            throw new IllegalArgumentException("no such field: " + field);
        }
        return w.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<TargetKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<ConnectBy> connectByProperty() {
        return connectBy;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty tnsAdminProperty() {
        return tnsAdmin;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty tagsProperty() {
        return tags;
    }

    /** Whether the site holds the Oracle Diagnostics Pack licence for this database. */
    public BooleanProperty diagnosticsPackProperty() {
        return diagnosticsPack;
    }

    /** Whether the site holds the Oracle Tuning Pack licence (which includes the Diagnostics Pack's). */
    public BooleanProperty tuningPackProperty() {
        return tuningPack;
    }

    /** How the connection is encrypted. */
    public ObjectProperty<TlsMode> tlsModeProperty() {
        return tlsMode;
    }

    /** The CA certificate file (or an Oracle wallet folder) the server's certificate must be signed by. */
    public StringProperty tlsCaFileProperty() {
        return tlsCaFile;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }
}
