/**
 * Target kinds (Oracle, MySQL/MariaDB, PostgreSQL, the demo Oracle), one small HikariCP pool per target with connect, login and query timeouts, and the connection test.
 */
package io.vigil.target;
