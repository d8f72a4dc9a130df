package org.oasm.formats.convert;

import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.Base64;
import org.oasm.formats.document.Context;
import org.oasm.formats.document.DocumentSink;
import org.oasm.formats.document.TreeSink;
import tools.jackson.databind.JsonNode;

/**
 * Reads one CBOR data item and pushes it as events under the conversion rules (RFC 8949 section
 * 6.1 where the target is JSON-like):
 * <ul>
 * <li>integers of major types 0 and 1 and bignums (tags 2 and 3) become exact integers;</li>
 * <li>half-precision floats become 32-bit floats (exact); 32- and 64-bit floats keep their width;</li>
 * <li>tag 55799 (self-described CBOR) is dropped: it marks the format and carries no meaning;</li>
 * <li>any other tag is refused unless {@code --lossy}, which drops the tag and keeps its content;</li>
 * <li>{@code undefined} and simple values other than false, true and null are refused unless
 *     {@code --lossy}, which writes null;</li>
 * <li>map keys must be text strings; another key is refused unless {@code --lossy}, which uses its
 *     JSON text ({@code 1}, {@code true}, {@code [1,2]}) as the key.</li>
 * </ul>
 * The input must hold exactly one data item: trailing bytes are an error.
 */
final class CborReader {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private final Context context;
    private CborDecoder d;
    private int depth;

    CborReader(Context context) {
        this.context = context;
    }

    void read(InputStream in, DocumentSink sink) {
        d = new CborDecoder(in, context.limits().maxStringBytes());
        context.location(() -> "byte " + d.itemOffset());
        try {
            CborDecoder.Kind k = d.next();
            if (k == CborDecoder.Kind.END) {
                throw context.malformed("empty file: no CBOR data item");
            }
            value(k, sink);
            if (d.next() != CborDecoder.Kind.END) {
                throw context.malformed("unexpected bytes after the CBOR data item");
            }
            sink.finish();
        } catch (CborDecoder.Malformed e) {
            long at = e.offset;
            context.location(() -> "byte " + at);
            throw context.malformed(e.getMessage());
        }
    }

    private CborDecoder.Kind nextItem(String inside) {
        CborDecoder.Kind k = d.next();
        if (k == CborDecoder.Kind.END) {
            throw context.malformed("unexpected end of input inside " + inside + " (truncated?)");
        }
        return k;
    }

    private void value(CborDecoder.Kind k, DocumentSink sink) {
        switch (k) {
            case UNSIGNED -> unsigned(d.argument, sink);
            case NEGATIVE -> {
                long n = d.argument;
                if (n >= 0) {
                    sink.integer(-1 - n);
                } else {
                    sink.integer(BigInteger.valueOf(n).add(TWO_64).add(BigInteger.ONE).negate());
                }
            }
            case BYTES -> sink.bytes(d.bytes);
            case TEXT -> sink.string(d.text);
            case ARRAY -> array(d.argument, sink);
            case MAP -> map(d.argument, sink);
            case TAG -> tag(d.argument, sink);
            case FALSE -> sink.bool(false);
            case TRUE -> sink.bool(true);
            case NULL -> sink.nul();
            case UNDEFINED -> {
                context.substitute("undefined", "null", "undefined has no counterpart outside CBOR");
                sink.nul();
            }
            case SIMPLE -> {
                context.substitute("simple(" + d.argument + ")", "null", "simple value " + d.argument + " has no counterpart outside CBOR");
                sink.nul();
            }
            case FLOAT16, FLOAT32 -> sink.float32((float) d.floatValue);
            case FLOAT64 -> sink.float64(d.floatValue);
            case BREAK -> throw context.malformed("break (0xff) outside an indefinite-length item");
            case END -> throw context.malformed("unexpected end of input (truncated?)");
        }
    }

    private static void unsigned(long bits, DocumentSink sink) {
        if (bits >= 0) {
            sink.integer(bits);
        } else {
            sink.integer(new BigInteger(Long.toUnsignedString(bits)));
        }
    }

    private void enter() {
        if (++depth > context.limits().maxDepth()) {
            throw context.malformed("nesting deeper than " + context.limits().maxDepth() + " levels");
        }
    }

    private void array(long length, DocumentSink sink) {
        enter();
        sink.startArray();
        if (length < 0) {
            CborDecoder.Kind k;
            while ((k = nextItem("an array")) != CborDecoder.Kind.BREAK) {
                value(k, sink);
            }
        } else {
            for (long i = 0; Long.compareUnsigned(i, length) < 0; i++) {
                value(nextItem("an array"), sink);
            }
        }
        sink.endArray();
        depth--;
    }

    private void map(long length, DocumentSink sink) {
        enter();
        sink.startObject();
        if (length < 0) {
            CborDecoder.Kind k;
            while ((k = nextItem("a map")) != CborDecoder.Kind.BREAK) {
                key(k, sink);
                value(nextItem("a map"), sink);
            }
        } else {
            for (long i = 0; Long.compareUnsigned(i, length) < 0; i++) {
                key(nextItem("a map"), sink);
                value(nextItem("a map"), sink);
            }
        }
        sink.endObject();
        depth--;
    }

    private void key(CborDecoder.Kind k, DocumentSink sink) {
        if (k == CborDecoder.Kind.TEXT) {
            sink.key(d.text);
            return;
        }
        if (k == CborDecoder.Kind.BREAK) {
            throw context.malformed("break (0xff) where a map value was expected");
        }
        TreeSink tree = new TreeSink();
        value(k, tree);
        String text = jsonText(tree.root());
        context.substitute(text, "\"" + text + "\"", "map key " + text + " is not a text string");
        sink.key(text);
    }

    static String jsonText(JsonNode node) {
        if (node.isBinary()) {
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(node.binaryValue()) + "\"";
        }
        StringWriter w = new StringWriter();
        w.write(node.toString());
        return w.toString();
    }

    private void tag(long tag, DocumentSink sink) {
        enter();
        tagged(tag, sink);
        depth--;
    }

    private void tagged(long tag, DocumentSink sink) {
        if (tag == 2 || tag == 3) {
            CborDecoder.Kind k = nextItem("a bignum");
            if (k != CborDecoder.Kind.BYTES) {
                throw context.malformed("tag " + tag + " (bignum) must enclose a byte string, found " + k.name().toLowerCase());
            }
            BigInteger n = new BigInteger(1, d.bytes);
            Decimals.emit(tag == 2 ? n : n.negate().subtract(BigInteger.ONE), sink);
            return;
        }
        if (tag == 55799) {
            value(nextItem("a tag"), sink);
            return;
        }
        context.substitute("tag " + Long.toUnsignedString(tag), "its content",
                "tag " + Long.toUnsignedString(tag) + " has no counterpart outside CBOR");
        value(nextItem("a tag"), sink);
    }
}
