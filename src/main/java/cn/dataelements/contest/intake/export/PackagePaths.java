package cn.dataelements.contest.intake.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.Normalizer;

/**
 * A file an export package's sheet names, found only inside the package: a row's reference is relative to the
 * package's folder, may use Windows separators (the platform exports from Windows), and is refused when it is absolute,
 * climbs out with {@code ..}, or reaches outside through a symbolic link.
 */
public final class PackagePaths {

    private PackagePaths() {}

    /**
     * The reference as a path relative to the package, "/"-separated and normalized; the exception says why it is not
     * one (empty, absolute, or climbing out with {@code ..}).
     */
    public static String relative(String reference) throws ExportSheetException {
        String written = reference == null
                ? ""
                : Normalizer.normalize(reference, Normalizer.Form.NFC).strip();
        String relative = written.replace('\\', '/');
        if (relative.isEmpty()) {
            throw new ExportSheetException("附件路径为空", "the attachment reference is empty");
        }
        if (relative.startsWith("/") || relative.matches("^[A-Za-z]:.*") || relative.startsWith("//")) {
            throw refused(written, "是绝对路径", "is an absolute path");
        }
        Path path;
        try {
            path = Path.of(relative).normalize();
        } catch (InvalidPathException e) {
            throw refused(written, "不是有效的路径", "is not a valid path");
        }
        if (path.startsWith("..") || relative.startsWith("../") || relative.contains("/../")) {
            throw refused(written, "指向数据包之外", "points outside the package");
        }
        return path.toString();
    }

    /** The file the reference names inside {@code root}; the exception says why not. */
    public static Path resolve(Path root, String reference) throws ExportSheetException {
        String written = reference == null
                ? ""
                : Normalizer.normalize(reference, Normalizer.Form.NFC).strip();
        Path path = root.resolve(relative(reference)).normalize();
        if (!path.startsWith(root.normalize())) {
            throw refused(written, "指向数据包之外", "points outside the package");
        }
        if (!Files.isRegularFile(path)) {
            throw new ExportSheetException("数据包中没有附件 " + written, "the package holds no file " + written);
        }
        try {
            if (!path.toRealPath().startsWith(root.toRealPath())) {
                throw refused(written, "经符号链接指向数据包之外", "points outside the package through a symbolic link");
            }
        } catch (IOException e) {
            throw new ExportSheetException("附件 " + written + " 无法读取", "file " + written + " cannot be read", e);
        }
        return path;
    }

    private static ExportSheetException refused(String written, String why, String because) {
        return new ExportSheetException(
                "附件路径 " + written + " " + why + "，不予读取",
                "attachment reference " + written + " " + because + ": refused");
    }
}
