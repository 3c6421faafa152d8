package cn.dataelements.contest.intake.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of an unpacked export package, and how a sheet's reference finds one. A reference is a path relative to
 * the sheet's folder, else to the package (Windows separators accepted). A reference that is no such path (a bare
 * name for a file in {@code 附件/}, an absolute path on the exporting machine, folders named otherwise) is found by its
 * file name anywhere in the package, at any depth, when exactly one file bears that name: names compared as NFKC, case
 * aside, as the platform's Windows export would find them. Two files of that name are a problem naming both; none, a
 * problem naming the reference. Nothing outside the package is ever opened.
 */
final class PackageFiles {

    /** A file found for a reference, or why none was. */
    sealed interface Found permits File, Missing {}

    /** The file. */
    record File(Path path, String relative) implements Found {}

    /** Why no file was found: in Chinese for the report, in English for the log. */
    record Missing(String messageForPeople, String detail) implements Found {}

    private final Path root;
    private final Map<String, Path> byPath;
    private final Map<String, List<String>> byName = new LinkedHashMap<>();

    private PackageFiles(Path root, Map<String, Path> byPath) {
        this.root = root;
        this.byPath = byPath;
        byPath.keySet()
                .forEach(relative -> byName.computeIfAbsent(key(nameOf(relative)), k -> new ArrayList<>())
                        .add(relative));
    }

    /** Every regular file of the package by its "/"-separated path; links are not followed and not listed. */
    static PackageFiles of(Path root) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted().toList()) {
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(root.relativize(path).toString().replace('\\', '/'), path);
                }
            }
        }
        return new PackageFiles(root, files);
    }

    Map<String, Path> all() {
        return byPath;
    }

    /** The file a sheet's reference names, the sheet lying in {@code sheetFolder} ("" or "a/b/"). */
    Found find(String sheetFolder, String reference) {
        ExportSheetException refused;
        if (!sheetFolder.isEmpty()) {
            try {
                return file(PackagePaths.resolve(root, sheetFolder + PackagePaths.relative(reference)));
            } catch (ExportSheetException e) {
                // not beside the sheet: from the package's root
            }
        }
        try {
            return file(PackagePaths.resolve(root, reference));
        } catch (ExportSheetException e) {
            refused = e;
        }
        String name = nameOf(reference.replace('\\', '/').strip());
        List<String> named = byName.getOrDefault(key(name), List.of());
        if (named.size() == 1) {
            return new File(byPath.get(named.get(0)), named.get(0));
        }
        if (named.size() > 1) {
            return new Missing(
                    "数据包中有 " + named.size() + " 个名为“" + name + "”的文件（" + String.join("、", named) + "），无法确定是哪一个",
                    "the package holds " + named.size() + " files named " + name + ": " + named);
        }
        return new Missing(refused.messageForPeople(), refused.getMessage());
    }

    private File file(Path path) {
        return new File(path, root.relativize(path).toString().replace('\\', '/'));
    }

    private static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A file name as compared: NFKC, lower case. */
    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
