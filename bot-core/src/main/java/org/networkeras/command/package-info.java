/**
 * Commands declared once ({@link org.networkeras.command.CommandSpec}) and rendered by every
 * adapter, the text argument parser, the dispatcher and user-facing failures ({@link
 * org.networkeras.command.CommandException}).
 */
package org.networkeras.command;
