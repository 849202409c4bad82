/**
 * Community settings ({@code /settings}) and joining conversations into one community across
 * platforms ({@code /link}, {@code /unlink}). Admins only (the dispatcher checks); every change is
 * validated and logged, and its replies are secret.
 *
 * <p>The package owns the settings' storage: {@link org.networkeras.settings.SettingsService} (read
 * through a cache, changed one setting at a time), {@link
 * org.networkeras.settings.SettingsRepository} (single-column upserts; moderators, admins and
 * announcement conversations as rows) and {@link org.networkeras.settings.UsernameRepository} (the
 * usernames people were seen with, to name them by {@code @username}). Each setting of {@code
 * /settings} is one small {@link org.networkeras.settings.Setting} in the {@link
 * org.networkeras.settings.SettingsRegistry}.
 */
package org.networkeras.settings;
