package org.networkeras.chat;

/** The chat platforms Networkeras speaks to. */
public enum Platform {
  DISCORD,
  TELEGRAM,
  CONSOLE
}
