package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryTest {

    @Test
    void countsAddUp() {
        Inventory inv = new Inventory();
        inv.add("bolt", 2);
        inv.add("bolt", 3);
        inv.add("nut", 1);
        assertEquals(5, inv.count("bolt"));
        assertEquals(List.of("bolt", "nut"), inv.names());
    }
}
