/**
 * The JavaFX console (MVVM: views bind, view models hold state and rules). The only package that may use JavaFX,
 * and one that never uses JDBC: blocking work runs on background threads through core services.
 */
package io.vigil.ui;
