/**
 * The console adapter: the newcomer's first contact with the bot and the scriptable way to drive
 * it. A line is what a member types in a chat; lines starting with {@code :} act on the session.
 */
package org.networkeras.app.console;
