package io.vigil.config;

/** The console's colour scheme. */
public enum Theme {
    LIGHT,
    DARK
}
