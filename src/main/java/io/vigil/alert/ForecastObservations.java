package io.vigil.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.TargetKind;
import io.vigil.schedule.JobKey;
import io.vigil.series.Point;
import io.vigil.series.SpaceForecast;
import io.vigil.series.SpaceForecasts;

/**
 * What the collector sees, plus the space forecasts its series store allows, kept for {@link SpaceForecasts#REFRESH} so
 * the forecast rules cost a few range queries per target every few minutes, not every cycle.
 */
public final class ForecastObservations implements Observations {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastObservations.class);

    private final Observations seen;
    private final SpaceForecasts forecasts;

    public ForecastObservations(Observations seen, SpaceForecasts forecasts) {
        this.seen = seen;
        this.forecasts = forecasts;
    }

    @Override
    public boolean down(long targetId) {
        return seen.down(targetId);
    }

    @Override
    public String downReason(long targetId) {
        return seen.downReason(targetId);
    }

    @Override
    public Optional<Instant> lastOk(long targetId, JobKey job) {
        return seen.lastOk(targetId, job);
    }

    @Override
    public boolean skipped(long targetId, JobKey job) {
        return seen.skipped(targetId, job);
    }

    @Override
    public List<Point> latest(String targetName, String metric) {
        return seen.latest(targetName, metric);
    }

    /** The forecasts; none while the series store cannot answer (the forecast alerts then stay as they are). */
    @Override
    public List<SpaceForecast> forecasts(String targetName, TargetKind kind) {
        try {
            return forecasts.recent(targetName, kind);
        } catch (RuntimeException e) {
            LOG.debug("No space forecast for {} now: {}", targetName, e.getMessage());
            return List.of();
        }
    }
}
