package org.oasm.formats.convert;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.oasm.formats.document.Context;
import org.oasm.formats.document.DocumentSink;

/**
 * Runs a reader on a second thread and hands its events to the calling thread, which writes
 * them: parsing and writing then use two cores. The events travel in batches through a bounded
 * ring ({@link #BATCHES} batches of {@link #EVENTS} events), so memory stays constant.
 *
 * <p>The result is the one a single thread gives, errors included. The reader gets a context of
 * its own ({@link Context#deferringTo}) whose substitutions, and the exactness checks of
 * decimals, travel as events and are made on the writing side, in document order, where the
 * JSON Pointer is known (so do the YAML reader's plain scalars, resolved there by the core
 * schema); a malformed input travels as the last event, so that an error the
 * writing side finds earlier in the document (a duplicate key, a refused value) is the one
 * reported. When the writing side fails first, the reader is interrupted and waited for.
 */
final class Handoff {

    /** Events per batch. */
    static final int EVENTS = 8192;
    /** Characters of text per batch; longer text travels as a {@code String}. */
    static final int CHARS = 1 << 18;
    /** Batches in the ring. */
    static final int BATCHES = 4;

    /** A reader that pushes one document to a sink, with its own context. */
    interface Reader {
        void read(Context readerContext, DocumentSink sink);
    }

    private static final byte START_OBJECT = 1;
    private static final byte END_OBJECT = 2;
    private static final byte START_ARRAY = 3;
    private static final byte END_ARRAY = 4;
    private static final byte KEY = 5;
    private static final byte STRING = 6;
    private static final byte CHARS_STRING = 7;
    private static final byte INTEGER = 8;
    private static final byte BIG_INTEGER = 9;
    private static final byte FLOAT64 = 10;
    private static final byte FLOAT32 = 11;
    private static final byte TRUE = 12;
    private static final byte FALSE = 13;
    private static final byte NULL = 14;
    private static final byte BYTES = 15;
    private static final byte FINISH = 16;
    private static final byte SUBSTITUTE = 17;
    private static final byte DECIMAL_CHARS = 18;
    private static final byte DECIMAL_STRING = 19;
    private static final byte YAML_PLAIN = 20;

    /** One batch of events: a code per event, with its number, its reference or its characters. */
    private static final class Batch {
        final byte[] codes = new byte[EVENTS];
        final long[] numbers = new long[EVENTS];
        final Object[] refs = new Object[EVENTS];
        final int[] offsets = new int[EVENTS];
        final int[] lengths = new int[EVENTS];
        final char[] chars = new char[CHARS];
        int size;
        int charCount;
        boolean last;
        Throwable failure;

        void clear() {
            Arrays.fill(refs, 0, size, null);
            size = 0;
            charCount = 0;
            last = false;
            failure = null;
        }
    }

    private Handoff() {
    }

    /**
     * Reads with {@code reader} on a new thread and writes its events to {@code sink} on this
     * one; returns when the document has been written, or throws what the reader or the sink
     * threw first in document order.
     */
    static void run(Context context, Reader reader, DocumentSink sink) {
        BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES);
        BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
        for (int i = 1; i < BATCHES; i++) {
            free.add(new Batch());
        }
        Events events = new Events(new Batch(), full, free);
        Context readerContext = context.deferringTo(events);
        Thread thread = Thread.ofPlatform().name("oasm-convert-reader").daemon().unstarted(() -> {
            try {
                reader.read(readerContext, events);
                events.close(null);
            } catch (Cancelled c) {
                // the writing side failed and stopped reading the batches
            } catch (Throwable t) {
                events.close(t);
            }
        });
        thread.start();
        boolean done = false;
        try {
            while (true) {
                Batch b = full.take();
                replay(b, context, sink);
                if (b.failure != null) {
                    done = true;
                    throw b.failure;
                }
                if (b.last) {
                    done = true;
                    return;
                }
                b.clear();
                free.put(b);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while converting", e);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        } finally {
            if (!done) {
                events.cancelled = true;
                thread.interrupt();
            }
            join(thread);
        }
    }

    private static void join(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void replay(Batch b, Context context, DocumentSink sink) {
        byte[] codes = b.codes;
        long[] numbers = b.numbers;
        Object[] refs = b.refs;
        int n = b.size;
        for (int i = 0; i < n; i++) {
            switch (codes[i]) {
                case START_OBJECT -> sink.startObject();
                case END_OBJECT -> sink.endObject();
                case START_ARRAY -> sink.startArray();
                case END_ARRAY -> sink.endArray();
                case KEY -> sink.key((String) refs[i]);
                case STRING -> sink.string((String) refs[i]);
                case CHARS_STRING -> sink.string(b.chars, b.offsets[i], b.lengths[i]);
                case INTEGER -> sink.integer(numbers[i]);
                case BIG_INTEGER -> sink.integer((BigInteger) refs[i]);
                case FLOAT64 -> sink.float64(Double.longBitsToDouble(numbers[i]));
                case FLOAT32 -> sink.float32(Float.intBitsToFloat((int) numbers[i]));
                case TRUE -> sink.bool(true);
                case FALSE -> sink.bool(false);
                case NULL -> sink.nul();
                case BYTES -> sink.bytes((byte[]) refs[i]);
                case FINISH -> sink.finish();
                case SUBSTITUTE -> {
                    String[] s = (String[]) refs[i];
                    context.substitute(s[0], s[1], s[2]);
                }
                case DECIMAL_CHARS -> Decimals.emit(b.chars, b.offsets[i], b.lengths[i],
                        Double.longBitsToDouble(numbers[i]), context, sink);
                case DECIMAL_STRING -> Decimals.emit((String) refs[i], Double.longBitsToDouble(numbers[i]), context, sink);
                case YAML_PLAIN -> CoreSchema.resolve((String) refs[i], context, sink);
                default -> throw new IllegalStateException("unknown event " + codes[i]);
            }
        }
    }

    /** The writing side stopped: the reader unwinds. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** The reader's sink: fills the current batch and passes it on when it is full. */
    static final class Events implements DocumentSink, Context.Deferral {
        private final BlockingQueue<Batch> full;
        private final BlockingQueue<Batch> free;
        private Batch b;
        volatile boolean cancelled;

        Events(Batch first, BlockingQueue<Batch> full, BlockingQueue<Batch> free) {
            this.b = first;
            this.full = full;
            this.free = free;
        }

        private void pass() {
            if (cancelled) {
                throw new Cancelled();
            }
            try {
                full.put(b);
                b = free.take();
            } catch (InterruptedException e) {
                throw new Cancelled();
            }
        }

        /** The reader is done: the last batch goes with {@code failure} (null when it succeeded). */
        void close(Throwable failure) {
            b.last = true;
            b.failure = failure;
            try {
                full.put(b);
            } catch (InterruptedException e) {
                // cancelled: nobody reads the batch any more
            }
        }

        private int add(byte code) {
            if (b.size == EVENTS) {
                pass();
            }
            int i = b.size++;
            b.codes[i] = code;
            return i;
        }

        private int addChars(byte code, char[] text, int offset, int length) {
            if (b.charCount + length > CHARS || b.size == EVENTS) {
                pass();
            }
            int i = add(code);
            System.arraycopy(text, offset, b.chars, b.charCount, length);
            b.offsets[i] = b.charCount;
            b.lengths[i] = length;
            b.charCount += length;
            return i;
        }

        private void ref(byte code, Object value) {
            int i = add(code);
            b.refs[i] = value;
        }

        @Override
        public void startObject() {
            add(START_OBJECT);
        }

        @Override
        public void key(String name) {
            ref(KEY, name);
        }

        @Override
        public void endObject() {
            add(END_OBJECT);
        }

        @Override
        public void startArray() {
            add(START_ARRAY);
        }

        @Override
        public void endArray() {
            add(END_ARRAY);
        }

        @Override
        public void string(String value) {
            ref(STRING, value);
        }

        @Override
        public void string(char[] text, int offset, int length) {
            if (length > CHARS / 4) {
                string(new String(text, offset, length));
            } else {
                addChars(CHARS_STRING, text, offset, length);
            }
        }

        @Override
        public void integer(long value) {
            int i = add(INTEGER);
            b.numbers[i] = value;
        }

        @Override
        public void integer(BigInteger value) {
            ref(BIG_INTEGER, value);
        }

        @Override
        public void float64(double value) {
            int i = add(FLOAT64);
            b.numbers[i] = Double.doubleToRawLongBits(value);
        }

        @Override
        public void float32(float value) {
            int i = add(FLOAT32);
            b.numbers[i] = Float.floatToRawIntBits(value);
        }

        @Override
        public void bool(boolean value) {
            add(value ? TRUE : FALSE);
        }

        @Override
        public void nul() {
            add(NULL);
        }

        @Override
        public void bytes(byte[] value) {
            ref(BYTES, value);
        }

        @Override
        public void finish() {
            add(FINISH);
        }

        @Override
        public void substitute(String original, String replacement, String reason) {
            ref(SUBSTITUTE, new String[] {original, replacement, reason});
        }

        /** A decimal in text, parsed to {@code value}, whose exactness the writing side checks. */
        void decimal(char[] text, int offset, int length, double value) {
            int i = length > CHARS / 4 ? -1 : addChars(DECIMAL_CHARS, text, offset, length);
            if (i < 0) {
                decimal(new String(text, offset, length), value);
                return;
            }
            b.numbers[i] = Double.doubleToRawLongBits(value);
        }

        /**
         * An untagged plain YAML scalar, resolved by the core schema on the writing side (the
         * YAML reader is the busier thread: its scanner takes most of a conversion's time).
         */
        void yamlPlain(String text) {
            ref(YAML_PLAIN, text);
        }

        /** As {@link #decimal(char[], int, int, double)}, for text already in a {@code String}. */
        void decimal(String text, double value) {
            int i = add(DECIMAL_STRING);
            b.refs[i] = text;
            b.numbers[i] = Double.doubleToRawLongBits(value);
        }
    }
}
