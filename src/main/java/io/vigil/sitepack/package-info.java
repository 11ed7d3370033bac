/**
 * The site pack: one file with a site's configuration (no passwords or channel secrets), a range of its series, the
 * cache snapshots, alert history and events, written through Vigil's own stores and opened anywhere read-only.
 */
package io.vigil.sitepack;
