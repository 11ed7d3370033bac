package io.vigil.config;

/** Where a store lives: embedded in this workstation's app-data folder, or on a server a team shares. */
public enum StoreKind {
    EMBEDDED,
    MYSQL
}
