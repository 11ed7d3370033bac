package io.vigil.alert;

import java.util.List;

import io.vigil.config.Alert;

/** Hears each evaluation's outcome: what changed worth telling, and every alert that is not OK. Called on the alerting thread. */
public interface AlertListener {

    void evaluated(List<Step> notable, List<Alert> open);
}
