package cn.dataelements.contest.catalog;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of the catalog files before failing, so an admin fixes them in one go, not one per start. */
final class Problems {

    private final List<String> found = new ArrayList<>();

    /** The problems of one file, reported as {@code <file>: <key path>: <message>}. */
    InFile in(String file) {
        return new InFile(file);
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new CatalogException(found);
        }
    }

    final class InFile {
        private final String file;

        private InFile(String file) {
            this.file = file;
        }

        void add(String path, String message) {
            found.add(file + ": " + path + ": " + message);
        }

        /** Reports a missing or blank value. */
        boolean requireText(String path, String value, String what) {
            if (value == null || value.isBlank()) {
                add(path, "missing " + what + "; valid: a non-empty text");
                return false;
            }
            return true;
        }

        /** Reports empty or missing entries of a list of names (an empty synonym would match every text). */
        void requireTexts(String path, List<String> values) {
            for (int i = 0; i < CatalogDocs.orEmpty(values).size(); i++) {
                String value = values.get(i);
                if (value == null || value.isBlank()) {
                    add(path + "[" + i + "]", "empty entry; valid: a non-empty text (remove the entry instead)");
                }
            }
        }
    }
}
