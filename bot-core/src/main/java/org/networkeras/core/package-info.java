/**
 * The core assembled: one place that wires storage, services and commands into a {@link
 * org.networkeras.chat.BotCore}.
 */
package org.networkeras.core;
