package org.networkeras.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches the log appender of {@code logback.xml} to JSON lines when {@code logging.format} is
 * {@code json}: Logback's own {@link JsonEncoder}, one object per line with the level, timestamp,
 * thread, logger, the formatted message, the MDC (the {@code community} and {@code command} a line
 * is about) and any exception. Text stays as {@code logback.xml} writes it.
 */
final class LogFormat {

  private static final String APPENDER = "STDERR";

  private LogFormat() {}

  static void use(Config.Logging logging) {
    if (!logging.json() || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Appender<ILoggingEvent> text = root.getAppender(APPENDER);
    if (!(text instanceof ConsoleAppender<ILoggingEvent> console)) {
      return;
    }
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithFormattedMessage(true);
    encoder.start();
    // A new appender on the same stream: stopping the text one would close standard error.
    ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
    json.setContext(context);
    json.setName(APPENDER);
    json.setTarget(console.getTarget());
    json.setEncoder(encoder);
    json.start();
    root.addAppender(json);
    root.detachAppender(text);
  }
}
