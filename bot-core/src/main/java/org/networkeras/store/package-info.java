/**
 * The database: connection pool, migrations, the JDBI handle and storage failures. SQLite by
 * default, PostgreSQL when a URL names one; the same migrations and SQL serve both. {@link
 * org.networkeras.store.Database} opens it and hands out the repositories; features that need
 * tables of their own add a migration and use {@link
 * org.networkeras.store.Database#withHandle(String, org.jdbi.v3.core.HandleCallback)} and its
 * siblings, which turn failures into {@link org.networkeras.store.StoreException}s.
 */
package org.networkeras.store;
