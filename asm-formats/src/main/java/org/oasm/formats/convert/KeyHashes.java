package org.oasm.formats.convert;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The keys of one object or map, for the fast conversions' duplicate check. A key of up to 16 bytes is kept exactly, as two longs and its
 * length; a longer one by its first eight bytes, a hash of the rest and its length. Two equal
 * entries mean a key that may repeat, which the general path, comparing the keys themselves,
 * decides. Small objects are scanned, wide ones kept in an open-addressing table.
 */
final class KeyHashes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int SCAN = 16;
    private long[] heads = new long[SCAN];
    private long[] tails = new long[SCAN];
    private int count;
    private long[] table;

    void clear() {
        count = 0;
        table = null;
    }

    /** Adds a key; {@code text} must have eight readable bytes after {@code offset + length}. */
    void add(byte[] text, int offset, int length) {
        long head;
        long tail;
        if (length <= 8) {
            head = (long) LONGS.get(text, offset) & (length == 8 ? -1L : (1L << (length << 3)) - 1);
            tail = length;
        } else if (length <= 16) {
            head = (long) LONGS.get(text, offset);
            tail = (long) LONGS.get(text, offset + length - 8) ^ (long) length << 58;
        } else {
            head = (long) LONGS.get(text, offset);
            tail = 0xcbf29ce484222325L ^ length;
            for (int i = offset + 8; i < offset + length; i++) {
                tail = (tail ^ text[i]) * 0x100000001b3L;
            }
        }
        if (table != null) {
            insert(head, tail);
            return;
        }
        for (int i = 0; i < count; i++) {
            if (heads[i] == head && tails[i] == tail) {
                throw new FastPath.GiveUp("repeated key");
            }
        }
        if (count < SCAN) {
            heads[count] = head;
            tails[count++] = tail;
            return;
        }
        table = new long[128];
        int seen = count;
        count = 0;
        for (int i = 0; i < seen; i++) {
            insert(heads[i], tails[i]);
        }
        insert(head, tail);
    }

    /** Pairs of slots (head, tail); a pair of zeros is free, so a zero pair is stored as (1, 0). */
    private void insert(long head, long tail) {
        if (head == 0 && tail == 0) {
            head = 1;
        }
        if (++count * 4 > table.length) {
            long[] old = table;
            table = new long[old.length * 2];
            for (int i = 0; i < old.length; i += 2) {
                if (old[i] != 0 || old[i + 1] != 0) {
                    place(old[i], old[i + 1]);
                }
            }
        }
        place(head, tail);
    }

    private void place(long head, long tail) {
        int mask = table.length / 2 - 1;
        long h = (head * 0x9E3779B97F4A7C15L) ^ tail;
        int i = (int) (h ^ h >>> 32) & mask;
        while (table[2 * i] != 0 || table[2 * i + 1] != 0) {
            if (table[2 * i] == head && table[2 * i + 1] == tail) {
                throw new FastPath.GiveUp("repeated key");
            }
            i = (i + 1) & mask;
        }
        table[2 * i] = head;
        table[2 * i + 1] = tail;
    }
}
