/**
 * Importing calendars: {@code /import} makes a community follow a calendar feed, which is fetched
 * hourly (conditional GET, size and count limits, no local-network addresses unless the operator
 * allows them), read with ical4j and brought into the catalog with the rules and notices of
 * suggestions and edits ({@link org.networkeras.suggestion.ImportedEvents}).
 */
package org.networkeras.imports;
