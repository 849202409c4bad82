/**
 * Community settings ({@code /settings}) and joining conversations into one community across
 * platforms ({@code /link}, {@code /unlink}). Admins only; every change is validated and logged.
 */
package org.networkeras.settings;
