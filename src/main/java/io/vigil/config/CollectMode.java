package io.vigil.config;

/** What a console does about collection: run a collector itself, or only watch a team's headless collectors. */
public enum CollectMode {
    /** This console collects (its share of the targets, when a team shares them through Redis). */
    HERE,
    /** This console runs no collector and shows what the team's collectors publish through Redis. */
    WATCH
}
