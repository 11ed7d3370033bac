/**
 * The health report a consultant hands over: findings first, then one section per area (instance, availability, load,
 * top SQL, space with days-until-full forecasts, alert log, backups, Data Guard, passwords, invalid objects, alerts
 * fired), built from the series store's range queries and the alert store, and rendered as one self-contained HTML
 * file with inline CSS and SVG charts.
 */
package io.vigil.report;
