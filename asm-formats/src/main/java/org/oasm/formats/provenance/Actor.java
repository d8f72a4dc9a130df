package org.oasm.formats.provenance;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who or what performed an action, written into every record as a tagged object
 * ({@code {"type":"Human","username":"ada"}}): a person, a command-block step or rule, a model
 * driving the cockpit, or the cockpit itself.
 */
public sealed interface Actor {

    /** The cockpit itself, for start-up and shutdown. */
    Actor SYSTEM = new System();

    /** Environment variable naming the model when a model drives the cockpit. */
    String AI_MODEL_VARIABLE = "OASM_AI_MODEL";
    /** Environment variable with the model's confidence (0 to 1, default 1). */
    String AI_CONFIDENCE_VARIABLE = "OASM_AI_CONFIDENCE";

    /** A person at the cockpit. */
    record Human(String username) implements Actor {
    }

    /** A command-block step or rule acting on its own. */
    record Automation(String ruleId) implements Actor {
    }

    /** A model driving the cockpit. */
    record AI(String model, double confidence) implements Actor {
        public AI {
            if (!(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("confidence must be between 0 and 1: " + confidence);
            }
        }
    }

    /** The cockpit itself; use {@link Actor#SYSTEM}. */
    record System() implements Actor {
    }

    /** The tagged JSON object of the schemas' {@code actor}. */
    default ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        switch (this) {
            case Human h -> node.put("type", "Human").put("username", h.username());
            case Automation a -> node.put("type", "Automation").put("rule_id", a.ruleId());
            case AI ai -> node.put("type", "AI").put("model", ai.model()).put("confidence", ai.confidence());
            case System s -> node.put("type", "System");
        }
        return node;
    }

    /** A short text for tables and filters: {@code Human:ada}, {@code AI:model}, {@code System}. */
    default String describe() {
        return switch (this) {
            case Human h -> "Human:" + h.username();
            case Automation a -> "Automation:" + a.ruleId();
            case AI ai -> "AI:" + ai.model();
            case System s -> "System";
        };
    }

    /** Reads the tagged object back. */
    static Actor fromJson(JsonNode node) {
        String type = node.path("type").asString("");
        return switch (type) {
            case "Human" -> new Human(node.path("username").asString(""));
            case "Automation" -> new Automation(node.path("rule_id").asString(""));
            case "AI" -> new AI(node.path("model").asString(""), node.path("confidence").asDouble(1.0));
            case "System" -> SYSTEM;
            default -> throw new IllegalArgumentException("unknown actor type '" + type + "'");
        };
    }

    /**
     * The default actor of a cockpit: AI when {@value #AI_MODEL_VARIABLE} is set, otherwise the
     * user named by {@code USER} (or {@code LOGNAME}, or the JVM's {@code user.name}).
     */
    static Actor fromEnvironment(Map<String, String> env) {
        String model = env.get(AI_MODEL_VARIABLE);
        if (model != null && !model.isBlank()) {
            double confidence = 1.0;
            try {
                confidence = Double.parseDouble(env.getOrDefault(AI_CONFIDENCE_VARIABLE, "1"));
            } catch (NumberFormatException e) {
                // an unreadable confidence counts as full confidence; the model is still named
            }
            return new AI(model.strip(), Math.max(0, Math.min(1, confidence)));
        }
        String user = env.getOrDefault("USER", env.get("LOGNAME"));
        if (user == null || user.isBlank()) {
            user = java.lang.System.getProperty("user.name", "unknown");
        }
        return new Human(user);
    }
}
