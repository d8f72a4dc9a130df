package org.oasm.formats.provenance;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The logback plumbing behind {@link ExecutionLog}: a private LoggerContext (the application's
 * own logging configuration is never touched) with a FileAppender for the whole log and one,
 * behind a threshold filter, for the errors-only log. It is called from one thread only, the
 * log's {@link RecordWriter}, which is what keeps the caller's cost to queueing an event. Each
 * appender buffers and is flushed once per batch of records ({@link #flush()}): one write() of
 * whole lines in append mode, since the buffer (larger than a batch usually is) is emptied only
 * between lines, and a line longer than it is written on its own.
 */
final class LogbackSink implements AutoCloseable {

    /** The appenders' buffer: a batch of records usually fits, so it is one write(). */
    private static final long BUFFER_BYTES = 64 * 1024;

    private final LoggerContext context = new LoggerContext();
    private final Logger logger;

    LogbackSink(String name, Path all, Path errors) {
        this(name, all, errors, false);
    }

    /**
     * @param toStdout also write every record to the process's standard output (a third
     *                 appender), for a log collector reading a container's output
     */
    LogbackSink(String name, Path all, Path errors, boolean toStdout) {
        context.setName(name);
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        logger = context.getLogger("oasm.execution");
        logger.setAdditive(false);
        logger.setLevel(Level.TRACE);
        logger.addAppender(fileAppender("all", all));
        FileAppender<ILoggingEvent> errorsOnly = fileAppender("errors", errors);
        ThresholdFilter filter = new ThresholdFilter();
        filter.setLevel(Level.ERROR.levelStr);
        filter.start();
        errorsOnly.addFilter(filter);
        logger.addAppender(errorsOnly);
        if (toStdout) {
            logger.addAppender(stdoutAppender());
        }
    }

    /** Writes one line (without its newline); error lines also go to the errors log. */
    void write(String line, boolean error) {
        if (error) {
            logger.error(line);
        } else {
            logger.info(line);
        }
    }

    /** Writes what the appenders hold; called by the writer after each batch. */
    void flush() {
        for (var it = logger.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender && appender.getOutputStream() != null) {
                try {
                    appender.getOutputStream().flush();
                } catch (IOException e) {
                    context.getStatusManager().add(new ErrorStatus(
                            "cannot write " + appender.getName(), this, e));
                }
            }
        }
    }

    /** Closes the files. */
    @Override
    public void close() {
        context.stop();
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
        appender.setImmediateFlush(false);
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
        appender.setImmediateFlush(false);
        appender.setBufferSize(new FileSize(BUFFER_BYTES));
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
