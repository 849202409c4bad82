/**
 * The database: connection pool, migrations, the JDBI handle and storage failures. SQLite by
 * default, PostgreSQL when a URL names one; the same migrations and SQL serve both.
 */
package org.networkeras.store;
