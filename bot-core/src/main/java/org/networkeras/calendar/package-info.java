/**
 * Calendar files and feeds: {@link org.networkeras.calendar.IcsCalendar} writes RFC 5545 {@code
 * .ics} calendars of {@link org.networkeras.calendar.CalendarEntry entries} (an event, one date of
 * a series, a whole series with its rule and changed dates), for "Add to calendar" and for the
 * feeds the web server answers.
 */
package org.networkeras.calendar;
