package io.vigil.ui;

import javafx.application.Application;
import javafx.scene.Scene;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.vigil.config.Theme;

/** Applies the light or dark theme: AtlantaFX Primer plus Vigil's own sheet (which also maps Modena colours for ControlsFX). */
public final class Themes {

    private static final String VIGIL_CSS = Themes.class.getResource("/io/vigil/ui/vigil.css").toExternalForm();

    private Themes() {
    }

    public static void apply(Scene scene, Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(VIGIL_CSS)) {
            scene.getStylesheets().add(VIGIL_CSS);
        }
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(theme == Theme.DARK ? "theme-dark" : "theme-light");
    }
}
