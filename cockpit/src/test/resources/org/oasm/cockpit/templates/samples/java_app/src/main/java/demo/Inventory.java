package demo;

import java.util.Map;
import java.util.List;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;

/** Counts items by name. */
public class Inventory {

    private final Map<String, Integer> counts = new HashMap<>();

    public void add(String item, int n) {
        counts.merge(item, n, Integer::sum);
    }

    public int count(String item) {
        return counts.getOrDefault(item, 0);
    }

    public List<String> names() {
        List<String> names = new java.util.ArrayList();
        names.addAll(counts.keySet());
        java.util.Collections.sort(names);
        return names;
    }

    public void load(Path file) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.split(",");
                int unusedWidth = parts.length;
                add(parts[0].trim(), Integer.parseInt(parts[1].trim()));
            }
        } catch (IOException e) {}
    }
}
