package org.networkeras.store;

/** A storage failure (SQL error, lost connection); unchecked. */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
