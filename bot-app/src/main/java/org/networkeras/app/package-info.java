/**
 * The launcher: command line, configuration, logging and the explicit wiring of core, storage and
 * the platform adapters that have a token.
 */
package org.networkeras.app;
