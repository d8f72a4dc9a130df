package org.oasm.cockpit.command;

import java.io.PrintStream;
import java.util.List;

/** Prints rows as left-aligned columns two spaces apart, the last column unpadded. */
final class Table {

    private Table() {
    }

    static void print(PrintStream out, List<String[]> rows) {
        int cols = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + w[i] + "s  ", r[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
