import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.cbor.CBORFactory;

/**
 * The floor under `oasm convert` JSON <-> CBOR: Jackson's own streaming copy, one token at a
 * time from its parser to its generator on one thread, with none of the conversion rules (no
 * exactness check of decimals, no limits, no byte-string or tag handling, Jackson's CBOR with
 * the flaws docs/CONVERSION_RULES.md lists). What a conversion built on Jackson cannot beat.
 *
 * <p>Usage: {@code java -cp JACKSON_JARS:. JacksonCopy json2cbor|cbor2json IN OUT}
 */
public final class JacksonCopy {

    public static void main(String[] args) throws Exception {
        boolean toCbor = args[0].equals("json2cbor");
        TokenStreamFactory json = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
        TokenStreamFactory cbor = new CBORFactory();
        TokenStreamFactory from = toCbor ? json : cbor;
        TokenStreamFactory to = toCbor ? cbor : json;
        long tokens = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(args[1])), 1 << 16);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[2])), 1 << 16);
                JsonParser p = from.createParser(ObjectReadContext.empty(), in);
                JsonGenerator g = to.createGenerator(ObjectWriteContext.empty(), out)) {
            while (p.nextToken() != null) {
                g.copyCurrentEvent(p);
                tokens++;
            }
        }
        System.err.println(tokens + " tokens");
    }
}
