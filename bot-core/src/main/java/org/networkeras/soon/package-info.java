/**
 * The "starting soon" post: a line in a community's announcement conversations a chosen time before
 * each of its events starts ({@code /settings soon}).
 */
package org.networkeras.soon;
