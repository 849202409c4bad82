package org.networkeras.chat;

/**
 * A platform refused the bot's token (HTTP 401): no retry helps, the operator must fix the token.
 * Adapters throw it when starting, so the launcher can name the cause rather than its symptom.
 */
public final class TokenRefusedException extends RuntimeException {

  private final int status;

  /**
   * @param what what was asked when the token was refused ({@code GET gateway/bot}, {@code getMe})
   * @param status the HTTP status of the refusal
   */
  public TokenRefusedException(String what, int status) {
    this(what, status, null);
  }

  /**
   * @param what what was asked when the token was refused
   * @param status the HTTP status of the refusal
   * @param cause the platform library's own exception, or {@code null}
   */
  public TokenRefusedException(String what, int status, Throwable cause) {
    super(what + " answered HTTP " + status, cause);
    this.status = status;
  }

  /** The HTTP status of the refusal (401 for a token the platform does not know). */
  public int status() {
    return status;
  }
}
