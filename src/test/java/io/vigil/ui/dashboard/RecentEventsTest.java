package io.vigil.ui.dashboard;

import static io.vigil.ui.dashboard.Snapshots.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AlertStore;
import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStoreException;
import io.vigil.config.ConfigStores;
import io.vigil.config.EventType;
import io.vigil.config.SecretBox;
import io.vigil.config.Severity;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.DirectTaskExecutor;
import io.vigil.ui.util.TaskExecutor;

/** The dashboard's recent events over a real embedded store: the shown target's last day, newest first, kept fresh. */
class RecentEventsTest {

    @TempDir
    Path home;
    ConfigStore store;
    final Target alpha = Snapshots.target(1, "alpha", TargetKind.ORACLE);
    final Target beta = Snapshots.target(2, "beta", TargetKind.MYSQL);
    final Messages messages = new Messages(Locale.ENGLISH);

    @BeforeEach
    void open() {
        AppDirs dirs = new AppDirs(home);
        store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static VigilEvent event(Target t, Instant at, String text) {
        return new VigilEvent(0, t.id(), t.name(), at, EventType.ALERT_LOG, "DEADLOCK", Severity.WARN, "ORA-00060", text);
    }

    RecentEvents recent(AlertStore alerts, TaskExecutor executor) {
        return new RecentEvents(alerts, executor, messages, ZoneOffset.UTC);
    }

    @Test
    void theShownTargetsLastDayNewestFirstIsReadAtOnceAndAgainAfterAFewSeconds() {
        store.alerts().addEvents(List.of(
                event(alpha, T0.minus(Duration.ofHours(25)), "yesterday's"),
                event(alpha, T0.minus(Duration.ofHours(3)), "three hours ago"),
                event(alpha, T0.minus(Duration.ofMinutes(2)), "two minutes ago"),
                event(beta, T0.minus(Duration.ofMinutes(1)), "beta's")));
        List<Integer> reads = new ArrayList<>();
        TaskExecutor counting = new TaskExecutor() {
            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onDone,
                                java.util.function.Consumer<Exception> onFailure) {
                reads.add(1);
                new DirectTaskExecutor().run(work, onDone, onFailure);
            }
        };
        RecentEvents recent = recent(store.alerts(), counting);
        recent.update(alpha, T0);
        assertThat(recent.events()).extracting(VigilEvent::text).containsExactly("two minutes ago", "three hours ago");

        store.alerts().addEvents(List.of(event(alpha, T0.plusSeconds(3), "just now")));
        recent.update(alpha, T0.plusSeconds(4));
        assertThat(reads).as("not read again within a few seconds").hasSize(1);
        recent.update(alpha, T0.plus(RecentEvents.EVERY));
        assertThat(recent.events()).extracting(VigilEvent::text).containsExactly("just now", "two minutes ago", "three hours ago");
        assertThat(recent.limited().get()).isFalse();

        recent.update(beta, T0.plus(RecentEvents.EVERY).plusSeconds(1));
        assertThat(recent.events()).as("another target is read at once").extracting(VigilEvent::text).containsExactly("beta's");
        recent.update(null, T0.plus(RecentEvents.EVERY).plusSeconds(2));
        assertThat(recent.events()).isEmpty();
    }

    @Test
    void aBusyDayListsTheNewestAndSaysSo() {
        List<VigilEvent> many = new ArrayList<>();
        for (int i = 0; i < RecentEvents.LIMIT + 7; i++) {
            many.add(event(alpha, T0.minus(Duration.ofMinutes(i + 1)), "deadlock " + i));
        }
        store.alerts().addEvents(many);
        RecentEvents recent = recent(store.alerts(), new DirectTaskExecutor());
        recent.update(alpha, T0);
        assertThat(recent.events()).hasSize(RecentEvents.LIMIT);
        assertThat(recent.events().getFirst().text()).isEqualTo("deadlock 0");
        assertThat(recent.limited().get()).isTrue();
    }

    @Test
    void anAnswerForATargetNoLongerShownIsDropped() {
        store.alerts().addEvents(List.of(event(alpha, T0.minusSeconds(60), "alpha's"), event(beta, T0.minusSeconds(60), "beta's")));
        List<Runnable> later = new ArrayList<>();
        TaskExecutor deferred = new TaskExecutor() {
            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onDone,
                                java.util.function.Consumer<Exception> onFailure) {
                later.add(() -> new DirectTaskExecutor().run(work, onDone, onFailure));
            }
        };
        RecentEvents recent = recent(store.alerts(), deferred);
        recent.update(alpha, T0);
        recent.update(beta, T0.plusSeconds(1));
        later.get(1).run();
        later.get(0).run(); // alpha's answer comes last, after beta was chosen
        assertThat(recent.events()).extracting(VigilEvent::text).containsExactly("beta's");
    }

    @Test
    void aStoreThatCannotBeReadIsSaidInWordsAndTheNextGoodReadClearsIt() {
        boolean[] down = {true};
        AlertStore flaky = (AlertStore) Proxy.newProxyInstance(AlertStore.class.getClassLoader(), new Class<?>[] {AlertStore.class},
                (proxy, method, args) -> {
                    if (down[0]) {
                        throw new ConfigStoreException(io.vigil.i18n.Reason.of("configStore.unreachable", "MySQL db1:3306/vigil",
                                io.vigil.i18n.Reason.of("configStore.why.timeout")));
                    }
                    return method.invoke(store.alerts(), args);
                });
        RecentEvents recent = recent(flaky, new DirectTaskExecutor());
        recent.update(alpha, T0);
        assertThat(recent.problem().get()).startsWith("Events could not be read: ").contains("Cannot reach the config store MySQL db1:3306/vigil: it did not answer in time")
                .doesNotContain("Exception");
        down[0] = false;
        recent.update(alpha, T0.plus(RecentEvents.EVERY));
        assertThat(recent.problem().get()).isEmpty();
    }
}
