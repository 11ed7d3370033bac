/**
 * Headless entry points of the vigil command: collect, check, import and export.
 */
package io.vigil.cli;
