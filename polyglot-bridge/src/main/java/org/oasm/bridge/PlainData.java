package org.oasm.bridge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The values that may cross the bridge: null, strings, booleans, integers and floating-point
 * numbers, lists of values and maps with string keys. Anything else (a {@code Path}, an
 * arbitrary object) is refused before the call, so the interface stays plain data both ways.
 */
final class PlainData {

    private PlainData() {
    }

    static Object check(Object v, String where) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof Short || v instanceof Byte || v instanceof BigInteger || v instanceof Double
                || v instanceof Float || v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                check(l.get(i), where + "[" + i + "]");
            }
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new IllegalArgumentException(where + ": map keys must be strings, found " + e.getKey());
                }
                check(e.getValue(), where + "." + k);
            }
            return v;
        }
        throw new IllegalArgumentException(where + ": not plain data (" + v.getClass().getName()
                + "); pass strings, numbers, booleans, null, lists and maps");
    }
}
