/**
 * The Discord adapter: slash commands rendered from core's command specs, interactions translated
 * into core calls, core replies rendered as messages, embeds, buttons and modals, and outbound
 * delivery for reminders and announcements.
 *
 * <p>The adapter translates and never decides: every answer comes from {@link
 * org.networkeras.chat.BotCore}. The launcher uses {@link org.networkeras.discord.DiscordAdapter},
 * {@link org.networkeras.discord.DiscordSettings} and {@link
 * org.networkeras.discord.DiscordCommandRenderer#commandsJson(java.util.List)}; everything else is
 * package-private.
 */
package org.networkeras.discord;
