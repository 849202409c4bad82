/** The languages the bot speaks and the message bundles that hold every user-visible text. */
package org.networkeras.i18n;
