package org.oasm.formats.document;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

/**
 * A sink in front of the writer that enforces the rules every format shares: nesting no deeper
 * than {@link Limits#maxDepth()} and no key twice in one object. It also knows the JSON Pointer
 * of the current value. Small objects are checked for duplicates by a scan of their keys, wide
 * ones with a hash set, so the common case allocates little.
 */
final class Checked implements DocumentSink {

    private static final int SCAN_LIMIT = 16;

    private final DocumentSink next;
    private final Context context;
    private final int maxDepth;
    private Frame[] frames = new Frame[16];
    private int depth;
    /** True while the writer handles a value: its pointer is then the value's own index. */
    private boolean inValue;

    /** One open object or array. */
    private static final class Frame {
        boolean object;
        long index;
        String key;
        String[] keys = new String[SCAN_LIMIT];
        int keyCount;
        Set<String> keySet;

        void reset(boolean isObject) {
            object = isObject;
            index = -1;
            key = null;
            keyCount = 0;
            keySet = null;
        }

        boolean add(String k) {
            if (keySet != null) {
                return keySet.add(k);
            }
            for (int i = 0; i < keyCount; i++) {
                if (keys[i].equals(k)) {
                    return false;
                }
            }
            if (keyCount < SCAN_LIMIT) {
                keys[keyCount++] = k;
                return true;
            }
            keySet = new HashSet<>();
            for (int i = 0; i < keyCount; i++) {
                keySet.add(keys[i]);
            }
            return keySet.add(k);
        }
    }

    Checked(DocumentSink next, Context context) {
        this.next = next;
        this.context = context;
        this.maxDepth = context.limits().maxDepth();
    }

    String pointer() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            Frame f = frames[i];
            if (f.object) {
                if (f.key == null) {
                    break;
                }
                sb.append('/').append(f.key.replace("~", "~0").replace("/", "~1"));
            } else {
                long index = i == depth - 1 && !inValue ? f.index + 1 : f.index;
                if (index < 0) {
                    break;
                }
                sb.append('/').append(index);
            }
        }
        return sb.toString();
    }

    private void value() {
        if (depth > 0) {
            Frame f = frames[depth - 1];
            if (!f.object) {
                f.index++;
            }
        }
    }

    private void open(boolean object) {
        value();
        inValue = false;
        if (depth >= maxDepth) {
            throw context.malformed("nesting deeper than " + maxDepth + " levels");
        }
        if (depth == frames.length) {
            frames = java.util.Arrays.copyOf(frames, depth * 2);
        }
        Frame f = frames[depth];
        if (f == null) {
            f = frames[depth] = new Frame();
        }
        f.reset(object);
        depth++;
    }

    @Override
    public void startObject() {
        open(true);
        next.startObject();
    }

    @Override
    public void key(String name) {
        Frame f = frames[depth - 1];
        f.key = name;
        if (!f.add(name)) {
            throw context.refused("duplicate key \"" + name + "\"");
        }
        next.key(name);
    }

    @Override
    public void endObject() {
        depth--;
        next.endObject();
    }

    @Override
    public void startArray() {
        open(false);
        next.startArray();
    }

    @Override
    public void endArray() {
        depth--;
        next.endArray();
    }

    @Override
    public void string(String v) {
        value();
        inValue = true;
        next.string(v);
        inValue = false;
    }

    @Override
    public void string(char[] text, int offset, int length) {
        value();
        inValue = true;
        next.string(text, offset, length);
        inValue = false;
    }

    @Override
    public void integer(long v) {
        value();
        inValue = true;
        next.integer(v);
        inValue = false;
    }

    @Override
    public void integer(BigInteger v) {
        value();
        inValue = true;
        next.integer(v);
        inValue = false;
    }

    @Override
    public void float64(double v) {
        value();
        inValue = true;
        next.float64(v);
        inValue = false;
    }

    @Override
    public void float32(float v) {
        value();
        inValue = true;
        next.float32(v);
        inValue = false;
    }

    @Override
    public void bool(boolean v) {
        value();
        inValue = true;
        next.bool(v);
        inValue = false;
    }

    @Override
    public void nul() {
        value();
        inValue = true;
        next.nul();
        inValue = false;
    }

    @Override
    public void bytes(byte[] v) {
        value();
        inValue = true;
        next.bytes(v);
        inValue = false;
    }

    @Override
    public void finish() {
        next.finish();
    }
}
