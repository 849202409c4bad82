/**
 * The weekly agenda: a post listing the coming week's events, by day, in a community's announcement
 * conversations at the day and time it chose ({@code /settings agenda}).
 */
package org.networkeras.agenda;
