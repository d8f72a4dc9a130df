package org.oasm.formats.convert;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Document equality for tests of every package: what "the same document" means across formats. */
public final class Documents {

    private Documents() {
    }

    /** Equality of documents: numbers by value (integers exactly, floats as doubles), objects unordered. */
    public static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            if (a.isIntegralNumber() && b.isIntegralNumber()) {
                return a.bigIntegerValue().equals(b.bigIntegerValue());
            }
            if (a.isIntegralNumber() != b.isIntegralNumber()) {
                return false;
            }
            double x = a.doubleValue();
            double y = b.doubleValue();
            return Double.compare(x, y) == 0 || (x == y) || new BigDecimal(Double.toString(x)).compareTo(new BigDecimal(Double.toString(y))) == 0;
        }
        if (a.getNodeType() != b.getNodeType()) {
            return false;
        }
        if (a.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                JsonNode other = b.get(e.getKey());
                if (other == null || !same(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<JsonNode> i = a.iterator();
            Iterator<JsonNode> j = b.iterator();
            while (i.hasNext()) {
                if (!same(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
