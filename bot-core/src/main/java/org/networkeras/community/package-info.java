/** Communities (a Discord guild, a Telegram group, a console chat), their settings and members. */
package org.networkeras.community;
