/**
 * The event catalog: events and recurring series, their occurrences, the listing and card commands,
 * the guide, and the starter catalog.
 */
package org.networkeras.catalog;
