/**
 * The platform-neutral message model and the ports between core and the platform adapters.
 *
 * <p>Adapters turn platform events into {@link org.networkeras.chat.IncomingCommand}, {@link
 * org.networkeras.chat.ButtonPress} and {@link org.networkeras.chat.FormSubmission}, hand them to
 * {@link org.networkeras.chat.BotCore}, and render the {@link org.networkeras.chat.Reply} they get
 * back. Core sends on its own initiative (reminders, announcements) through a {@link
 * org.networkeras.chat.ChatGateway} each adapter implements. Nothing here knows a platform SDK.
 */
package org.networkeras.chat;
