/**
 * The Telegram adapter: long polling turns updates into core commands, button presses and messages;
 * core replies become HTML messages with inline keyboards; core's command specs become the bot's
 * command menus; {@link org.networkeras.chat.ChatGateway} delivers reminders and announcements.
 *
 * <p>The adapter translates and never decides: permissions, texts and conversations belong to core.
 * The public surface is {@link org.networkeras.telegram.TelegramAdapter}, {@link
 * org.networkeras.telegram.TelegramSettings} and {@link
 * org.networkeras.telegram.TelegramCommandMenus}.
 */
package org.networkeras.telegram;
