package org.networkeras.chat;

/**
 * Cleans text as it enters the core from a platform. Control characters have no place in a title, a
 * name or a command: a NUL byte is refused by PostgreSQL ({@code invalid byte sequence}), and
 * escape sequences would reach the operator's terminal through logs and the console. So every
 * control character is removed, C0 ({@code U+0000}–{@code U+001F}) except the newline and the tab,
 * DEL ({@code U+007F}) and C1 ({@code U+0080}–{@code U+009F}); a carriage return goes too, so
 * {@code \r\n} becomes a plain newline. Everything else is kept as typed.
 *
 * <p>The inbound records ({@link IncomingCommand}, {@link Arguments}, {@link IncomingMessage},
 * {@link FormSubmission}, {@link ButtonPress}, {@link ChatUser}, {@link Person}, {@link Mention})
 * and {@link Usernames#normalize} clean what they hold when built: that is the one boundary, so
 * nothing behind it (commands, storage, logs) ever sees a control character.
 */
public final class InputText {

  private InputText() {}

  /** {@code text} without its control characters; {@code null} stays {@code null}. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    int first = firstControl(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() - 1);
    out.append(text, 0, first);
    for (int i = first + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isRemoved(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether {@code c} is a control character that {@link #clean} removes. */
  public static boolean isRemoved(char c) {
    return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F);
  }

  private static int firstControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isRemoved(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
