package io.vigil.ui.channels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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

import io.vigil.config.ChannelDef;
import io.vigil.config.ChannelType;
import io.vigil.config.ConfigStore;
import io.vigil.config.Problem;
import io.vigil.config.Secret;
import io.vigil.config.Severity;
import io.vigil.config.Validation;
import io.vigil.i18n.Messages;
import io.vigil.ui.definitions.FormState;
import io.vigil.ui.definitions.TypedNumbers;
import io.vigil.ui.util.TaskExecutor;

/**
 * State and rules of the add/edit channel form. Which fields count depends on the type (see {@link #uses}). A stored
 * secret is never handed back to the form: the field stays empty and the stored one is kept unless something is typed.
 */
public final class ChannelFormViewModel {

    static final List<String> FIELDS = List.of("name", "type", "endpoint", "user", "secret", "sender", "recipients", "minSeverity",
            "repeatMinutes");

    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<ChannelType> type = new SimpleObjectProperty<>(ChannelType.WEBHOOK);
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty secret = new SimpleStringProperty("");
    private final StringProperty sender = new SimpleStringProperty("");
    private final StringProperty recipients = new SimpleStringProperty("");
    private final ObjectProperty<Severity> minSeverity = new SimpleObjectProperty<>(Severity.WARN);
    private final StringProperty repeat = new SimpleStringProperty("0");
    private final BooleanProperty sendResolved = new SimpleBooleanProperty(true);
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testOk = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);

    private final FormState state;
    private final ChannelDef original;
    private final List<ChannelDef> saved;
    private final ConfigStore store;
    private final ChannelTester tester;
    private final TaskExecutor executor;
    private final Messages messages;

    /** A form for a new channel ({@code original == null}) or for editing a stored one; {@code saved} for the unique name rule. */
    public ChannelFormViewModel(ChannelDef original, List<ChannelDef> saved, ConfigStore store, ChannelTester tester, TaskExecutor executor,
                                Messages messages) {
        this.original = original;
        this.saved = List.copyOf(saved);
        this.store = store;
        this.tester = tester;
        this.executor = executor;
        this.messages = messages;
        this.state = new FormState(FIELDS, messages);
        if (original != null) {
            name.set(original.name());
            type.set(original.type());
            endpoint.set(original.endpoint());
            user.set(original.user());
            sender.set(original.sender());
            recipients.set(String.join(", ", original.recipients()));
            minSeverity.set(original.minSeverity());
            repeat.set(String.valueOf(original.repeatMinutes()));
            sendResolved.set(original.sendResolved());
            enabled.set(original.enabled());
        }
        ChangeListener<Object> revalidate = (obs, was, now) -> validate();
        List.of(name, type, endpoint, user, secret, sender, recipients, minSeverity, repeat, sendResolved, enabled)
                .forEach(p -> p.addListener(revalidate));
        validate();
    }

    /** Whether a channel of {@code t} uses {@code field}; the form shows only those. */
    public static boolean uses(ChannelType t, String field) {
        return switch (field) {
            case "endpoint" -> t != ChannelType.DESKTOP;
            case "secret" -> t == ChannelType.DINGTALK || t == ChannelType.EMAIL;
            case "user", "sender", "recipients" -> t == ChannelType.EMAIL;
            default -> true;
        };
    }

    public BooleanBinding usesProperty(String field) {
        return Bindings.createBooleanBinding(() -> type.get() != null && uses(type.get(), field), type);
    }

    /** Whether a secret is stored that an empty field keeps. */
    public boolean hasStoredSecret() {
        return original != null && !original.secret().isEmpty();
    }

    /** The channel the fields describe now; fields its type does not use are left empty. */
    public ChannelDef toChannel() {
        ChannelType t = type.get() == null ? ChannelType.WEBHOOK : type.get();
        boolean mail = t == ChannelType.EMAIL;
        Secret s = !uses(t, "secret") ? Secret.empty()
                : secret.get().isEmpty() && hasStoredSecret() ? original.secret() : Secret.of(secret.get());
        List<String> to = mail ? Arrays.stream(recipients.get().split("[,;，；\\s]+")).filter(r -> !r.isBlank()).toList() : List.of();
        return new ChannelDef(original == null ? 0 : original.id(), name.get(), t, uses(t, "endpoint") ? endpoint.get() : "",
                mail ? user.get() : "", s, mail ? sender.get() : "", to, minSeverity.get(), TypedNumbers.whole(repeat.get()),
                sendResolved.get(), enabled.get());
    }

    private void validate() {
        List<Problem> found = new ArrayList<>();
        for (Problem p : Validation.channel(toChannel(), saved)) {
            // the mail server's host is checked as a host; here it is part of the endpoint field
            found.add(p.field().equals("host") ? new Problem("endpoint", p.key(), p.args()) : p);
        }
        TypedNumbers.checkWhole(found, "repeatMinutes", repeat.get());
        state.show(found);
        testResult.set("");
    }

    /** Sends a test through the channel as typed (saved or not); the answer lands in {@link #testResultProperty()}. */
    public void test() {
        if (testing.get() || !state.valid().get()) {
            return;
        }
        testing.set(true);
        testResult.set("");
        ChannelsViewModel.runTest(tester, toChannel(), executor, messages, (ok, text) -> {
            testing.set(false);
            testOk.set(ok);
            testResult.set(text);
        });
    }

    /** Saves in the background; {@code onSaved} gets the stored channel, problems and store errors land in the form. */
    public void save(Consumer<ChannelDef> onSaved) {
        ChannelDef channel = toChannel();
        state.save(executor, () -> store.saveChannel(channel), onSaved);
    }

    public boolean isNew() {
        return original == null;
    }

    public ReadOnlyStringProperty problemProperty(String field) {
        return state.problem(field);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<ChannelType> typeProperty() {
        return type;
    }

    /** The webhook URL, or the mail server as host:port. */
    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty userProperty() {
        return user;
    }

    /** What is typed into the masked field: empty keeps a stored secret. */
    public StringProperty secretProperty() {
        return secret;
    }

    public StringProperty senderProperty() {
        return sender;
    }

    /** Mail addresses, separated by commas or new lines. */
    public StringProperty recipientsProperty() {
        return recipients;
    }

    public ObjectProperty<Severity> minSeverityProperty() {
        return minSeverity;
    }

    /** Minutes between reminders of a still-firing alert; 0 = never. */
    public StringProperty repeatProperty() {
        return repeat;
    }

    public BooleanProperty sendResolvedProperty() {
        return sendResolved;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testOkProperty() {
        return testOk.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return state.valid();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return state.saving();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return state.formError();
    }
}
