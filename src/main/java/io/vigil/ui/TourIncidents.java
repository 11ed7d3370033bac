package io.vigil.ui;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.target.demo.DemoIncident;
import io.vigil.target.demo.DemoOracle;
import io.vigil.target.demo.DemoPressure;

/**
 * Trouble the screenshot tour puts the first demo target in while data flows, so that its pictures show events: blocked
 * sessions that fire an alert and resolve it, a restart and an ORA-00600, spread over the tour's first wait.
 */
final class TourIncidents {

    private static final Logger LOG = LoggerFactory.getLogger(TourIncidents.class);

    private TourIncidents() {
    }

    static void start(Console console, int delaySeconds) {
        Thread t = new Thread(() -> run(console, Duration.ofSeconds(Math.max(5, delaySeconds / 6))), "vigil-tour-incidents");
        t.setDaemon(true);
        t.start();
    }

    private static void run(Console console, Duration step) {
        try {
            Optional<DemoOracle> found = Optional.empty();
            for (int i = 0; i < 60 && found.isEmpty(); i++) { // the collector starts the demo with its first pull
                Thread.sleep(1000);
                found = demo(console);
            }
            if (found.isEmpty()) {
                LOG.info("The screenshot tour has no demo target to put in trouble");
                return;
            }
            DemoOracle demo = found.get();
            Thread.sleep(step.toMillis());
            demo.press(DemoPressure.BLOCKED_SESSIONS);
            Thread.sleep(step.toMillis());
            demo.restart();
            Thread.sleep(step.toMillis());
            demo.inject(DemoIncident.INTERNAL_ERROR);
            Thread.sleep(step.toMillis());
            demo.relieve(DemoPressure.BLOCKED_SESSIONS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) { // the demo's SQL failing: the tour goes on without the incidents
            LOG.warn("The screenshot tour could not stage its incidents: {}", e.toString());
        }
    }

    private static Optional<DemoOracle> demo(Console console) {
        if (!console.context().monitors()) {
            return Optional.empty();
        }
        return console.context().monitoring().snapshot().targets().stream().filter(t -> t.kind() == TargetKind.DEMO_ORACLE)
                .map(Target::id).findFirst().flatMap(id -> console.context().monitoring().connections().demo(id));
    }
}
