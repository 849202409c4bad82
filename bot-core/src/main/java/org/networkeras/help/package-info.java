/** The welcome and the help, generated from the command specs. */
package org.networkeras.help;
