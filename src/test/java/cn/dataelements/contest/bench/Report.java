package cn.dataelements.contest.bench;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's figures, printed as one table at the end. */
final class Report {

    private final List<String[]> rows = new ArrayList<>();

    void row(String name, Object value) {
        rows.add(new String[] {name, String.valueOf(value)});
        System.out.println("benchmark:   " + name + ": " + value);
    }

    void print() {
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        System.out.println("=".repeat(80));
        for (String[] r : rows) {
            System.out.printf("  %-" + width + "s  %s%n", r[0], r[1]);
        }
        System.out.println("=".repeat(80));
    }

    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
