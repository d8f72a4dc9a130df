package org.oasm.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The bridge's whole callable surface, read from {@code bindings.yaml} next to the Python sources
 * (a bindings_manifest document): which modules exist, which of their functions Java may call,
 * and each module's time limit. A function not listed there cannot be called, whatever the module
 * defines.
 */
public final class Bindings {

    static final String RESOURCES = "org/oasm/bridge/python/";

    /** One module: its id, its source resource, the callable functions and its time limit. */
    public record Binding(String id, String resource, List<String> functions, Optional<Duration> timeout) {
        public Binding {
            functions = List.copyOf(functions);
        }
    }

    private final Map<String, Binding> byId;

    private Bindings(Map<String, Binding> byId) {
        this.byId = byId;
    }

    /** The manifest bundled in the jar. */
    public static Bindings bundled() {
        try (InputStream in = Bindings.class.getClassLoader().getResourceAsStream(RESOURCES + "bindings.yaml")) {
            if (in == null) {
                throw new IllegalStateException(RESOURCES + "bindings.yaml is missing from the class path");
            }
            return parse(YAMLMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Bindings parse(JsonNode doc) {
        Map<String, Binding> out = new LinkedHashMap<>();
        for (JsonNode b : doc.path("bindings")) {
            List<String> fns = new ArrayList<>();
            b.path("functions").forEach(f -> fns.add(f.asString()));
            JsonNode t = b.path("sandbox").path("timeout_s");
            Optional<Duration> timeout = t.isNumber() ? Optional.of(Duration.ofSeconds(t.asLong())) : Optional.empty();
            String id = b.path("id").asString();
            out.put(id, new Binding(id, b.path("module").asString(), fns, timeout));
        }
        return new Bindings(Map.copyOf(out));
    }

    /** The module ids, sorted. */
    public List<String> ids() {
        return byId.keySet().stream().sorted().toList();
    }

    public Optional<Binding> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
