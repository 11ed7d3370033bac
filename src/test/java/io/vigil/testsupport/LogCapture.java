package io.vigil.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;

/**
 * Every log event of the JVM while open, at DEBUG, as the text a log file would hold: logger, message with its
 * arguments, and the whole stack trace. Closing puts the root logger back as it was.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ch.qos.logback.classic.Logger root;
    private final Level before;

    private LogCapture(LoggerContext ctx) {
        root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        before = root.getLevel();
        setContext(ctx);
    }

    /** Starts capturing; {@code noisy} loggers are turned to DEBUG too. */
    public static LogCapture atDebug(String... noisy) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogCapture capture = new LogCapture(ctx);
        capture.start();
        capture.root.addAppender(capture);
        capture.root.setLevel(Level.DEBUG);
        for (String name : noisy) {
            ctx.getLogger(name).setLevel(Level.DEBUG);
        }
        return capture;
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    protected void append(ILoggingEvent e) {
        String trace = e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy());
        lines.add(e.getLoggerName() + " " + e.getFormattedMessage() + " " + trace);
    }

    @Override
    public void close() {
        root.detachAppender(this);
        root.setLevel(before);
    }
}
