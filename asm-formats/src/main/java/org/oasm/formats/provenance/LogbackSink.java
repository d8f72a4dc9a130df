package org.oasm.formats.provenance;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.file.Path;

/**
 * The logback plumbing behind {@link ExecutionLog}: a private LoggerContext (the application's
 * own logging configuration is never touched) with two AsyncAppenders (logback allows one
 * appender behind each), one feeding the whole log and one, behind a threshold filter that runs
 * in the caller, the errors-only log. The queues never discard and block the caller only when
 * full; each FileAppender opens its file in append mode and flushes after every record, so a
 * record is one write() of one complete line.
 */
final class LogbackSink implements AutoCloseable {

    private static final int QUEUE_SIZE = 8192;
    private static final int MAX_FLUSH_MILLIS = 10_000;

    private final LoggerContext context = new LoggerContext();
    private final Logger logger;

    LogbackSink(String name, Path all, Path errors) {
        this(name, all, errors, false);
    }

    /**
     * @param toStdout also write every record to the process's standard output (a third
     *                 asynchronous appender), for a log collector reading a container's output
     */
    LogbackSink(String name, Path all, Path errors, boolean toStdout) {
        context.setName(name);
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        logger = context.getLogger("oasm.execution");
        logger.setAdditive(false);
        logger.setLevel(Level.TRACE);
        logger.addAppender(async("all", fileAppender("all", all), null));
        logger.addAppender(async("errors", fileAppender("errors", errors), Level.ERROR));
        if (toStdout) {
            logger.addAppender(async("stdout", stdoutAppender(), null));
        }
    }

    /** Queues one line (without its newline); error lines also go to the errors log. */
    void write(String line, boolean error) {
        if (error) {
            logger.error(line);
        } else {
            logger.info(line);
        }
    }

    /** Drains the queue into the files and closes them. */
    @Override
    public void close() {
        context.stop();
    }

    private AsyncAppender async(String name, ch.qos.logback.core.Appender<ILoggingEvent> file, Level threshold) {
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("async-" + name);
        async.setQueueSize(QUEUE_SIZE);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(false);
        async.setMaxFlushTime(MAX_FLUSH_MILLIS);
        async.addAppender(file);
        if (threshold != null) {
            ThresholdFilter filter = new ThresholdFilter();
            filter.setLevel(threshold.levelStr);
            filter.start();
            async.addFilter(filter);
        }
        async.start();
        return async;
    }

    /** Each record one write of one line to descriptor 1, beside whatever the commands print there. */
    private OutputStreamAppender<ILoggingEvent> stdoutAppender() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("stdout");
        appender.setImmediateFlush(true);
        appender.setEncoder(encoder);
        // the stream is the process's own descriptor 1: stopping the appender flushes, never closes it
        appender.setOutputStream(new java.io.FilterOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out)) {
            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        });
        appender.start();
        return appender;
    }

    private FileAppender<ILoggingEvent> fileAppender(String name, Path file) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setImmediateFlush(true);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
