package org.oasm.formats.convert;

import java.math.BigInteger;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random documents for the round-trip properties, from a seed so that a failure names the seed
 * that reproduces it. They reach where conversions go wrong: integers at and beyond the edges of
 * 53, 63 and 64 bits, floats of every width including -0.0 and subnormals, text with quotes,
 * escapes, YAML's look-alikes ({@code yes}, {@code 0o17}, {@code 1.0}, {@code null}) and astral
 * characters, keys with {@code ~} and {@code /}, and (where the formats hold them) byte strings
 * and non-finite floats.
 */
final class RandomDocuments {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] TRICKY = {"", "yes", "no", "on", "off", "true", "False", "null", "~", "0o17", "0x1F",
        "1.0", "-0", ".inf", ".nan", "1e3", "- item", "a: b", "#comment", "'quoted'", "\"dq\"", "line\nbreak",
        "tab\there", " lead", "trail ", "😀 astral", "ünïcødé", "\u0007bell", "a/b~c", "[x]", "{y}", "*alias", "&anchor",
        "!tag", "%percent", "@at", "`tick", "12:30", "2001-12-14", "0755", "+12", "_1_000"};

    private static final String PUNCTUATION = " -:#,[]{}\"'\\/~*&!|>%@`";

    private final Random random;
    private final boolean binary;
    private final boolean nonFinite;

    RandomDocuments(long seed, boolean binary, boolean nonFinite) {
        this.random = new Random(seed);
        this.binary = binary;
        this.nonFinite = nonFinite;
    }

    JsonNode document() {
        return value(0);
    }

    private JsonNode value(int depth) {
        int choice = random.nextInt(depth > 4 ? 7 : 10);
        return switch (choice) {
            case 0 -> NODES.stringNode(text());
            case 1 -> integer();
            case 2 -> floating();
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> binary ? NODES.binaryNode(bytes()) : NODES.stringNode(text());
            case 6 -> integer();
            case 7, 8 -> object(depth);
            default -> array(depth);
        };
    }

    private ObjectNode object(int depth) {
        ObjectNode o = NODES.objectNode();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            o.set(text(), value(depth + 1));
        }
        return o;
    }

    private ArrayNode array(int depth) {
        ArrayNode a = NODES.arrayNode();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            a.add(value(depth + 1));
        }
        return a;
    }

    String text() {
        if (random.nextInt(3) == 0) {
            return TRICKY[random.nextInt(TRICKY.length)];
        }
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                sb.append((char) ('a' + random.nextInt(26)));
            } else if (kind < 8) {
                String p = PUNCTUATION;
                sb.append(p.charAt(random.nextInt(p.length())));
            } else if (kind == 8) {
                sb.append((char) (0xa0 + random.nextInt(0x2000)));
            } else {
                sb.appendCodePoint(0x1f300 + random.nextInt(200));
            }
        }
        return sb.toString();
    }

    private JsonNode integer() {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.numberNode((long) random.nextInt(100) - 50);
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE);
            case 3 -> NODES.numberNode((1L << 53) + random.nextInt(1000));
            case 4 -> NODES.numberNode(new BigInteger(64, random));
            default -> {
                BigInteger b = new BigInteger(64 + random.nextInt(100), random);
                yield NODES.numberNode(random.nextBoolean() ? b : b.negate().subtract(BigInteger.ONE));
            }
        };
    }

    private JsonNode floating() {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.numberNode(random.nextDouble());
            case 1 -> NODES.numberNode(Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL) * (random.nextBoolean() ? 1 : -1));
            case 2 -> NODES.numberNode(random.nextBoolean() ? -0.0 : 0.5);
            case 3 -> NODES.numberNode((double) random.nextFloat());
            case 4 -> NODES.numberNode(Double.MIN_VALUE * (1 + random.nextInt(100)));
            case 5 -> nonFinite
                    ? NODES.numberNode(new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}[random.nextInt(3)])
                    : NODES.numberNode(1e300);
            default -> NODES.numberNode((double) random.nextInt(1000));
        };
    }

    private byte[] bytes() {
        byte[] b = new byte[random.nextInt(20)];
        random.nextBytes(b);
        return b;
    }
}
