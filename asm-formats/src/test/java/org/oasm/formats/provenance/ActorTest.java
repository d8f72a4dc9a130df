package org.oasm.formats.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ActorTest {

    @Test
    void theEnvironmentDecidesTheDefaultActor() {
        assertEquals(new Actor.Human("ada"), Actor.fromEnvironment(Map.of("USER", "ada")));
        assertEquals(new Actor.Human("bob"), Actor.fromEnvironment(Map.of("LOGNAME", "bob")));
        assertEquals(new Actor.AI("m-1", 0.5),
                Actor.fromEnvironment(Map.of("USER", "ada", "OASM_AI_MODEL", "m-1", "OASM_AI_CONFIDENCE", "0.5")));
        assertEquals(new Actor.AI("m-1", 1.0), Actor.fromEnvironment(Map.of("OASM_AI_MODEL", "m-1")));
    }

    @Test
    void actorsRoundTripThroughJson() {
        for (Actor actor : new Actor[] {new Actor.Human("ada"), new Actor.Automation("r"),
                new Actor.AI("m", 0.25), Actor.SYSTEM}) {
            assertEquals(actor, Actor.fromJson(actor.toJson()));
        }
        assertEquals("{\"type\":\"Automation\",\"rule_id\":\"r\"}", new Actor.Automation("r").toJson().toString());
    }
}
