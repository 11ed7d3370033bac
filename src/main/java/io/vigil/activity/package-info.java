/** Top Activity without ASH: Vigil's own samples of active sessions, read back from the cache as average active sessions. */
package io.vigil.activity;
