package org.networkeras.store;

/**
 * A storage failure (SQL error, lost connection, a row that should exist and does not); unchecked.
 * The message says what failed.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
