package cn.dataelements.contest.intake.records;

import cn.dataelements.contest.system.storage.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A registration of a structured channel as it is archived: one zip holding what the source sent ({@code source.json}:
 * the portal's record, or the sheet's row with its header), the registration its mapping read from it and the list of
 * its files ({@code bundle.json}), and the files' bytes ({@code files/0}, {@code files/1}, ...).
 *
 * <p>Its archive id is its {@link #identity()}, not the hash of the zip's bytes: the sha-256 of the mapped fields and
 * of the files' sha-256s. A portal's raw JSON changes with signed links and counters; the same registration seen again
 * unchanged is the same submission (in whatever order its units and members are listed), and a changed one is a new
 * version of the same entry. {@link RegistrationIdentities} gives the id a bundle is archived under.
 */
public record RecordBundle(
        byte[] source, Registration registration, List<BundleFile> files, List<MissingFile> missing) {

    /** The archived zip's layout version. */
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * A file of the registration.
     *
     * @param name its name as the source gives it
     * @param reference where the source said it is (the link without its query, the sheet's cell)
     * @param file where it lies while the bundle is written, or after it was read back
     * @param sha256 lower-case hex sha-256 of its bytes
     * @param size its bytes
     */
    public record BundleFile(String name, String reference, Path file, String sha256, long size) {}

    /** A file the source names that could not be had, with why: a problem on the submission, in both languages. */
    public record MissingFile(String name, String reference, String messageZh, String detailEn) {}

    /** What {@code bundle.json} holds. */
    record Manifest(int format, Registration registration, List<Listed> files, List<MissingFile> missing) {}

    /** A file as the manifest lists it. */
    record Listed(String name, String reference, String sha256, long size) {}

    public RecordBundle {
        files = List.copyOf(files);
        missing = List.copyOf(missing);
    }

    /**
     * The registration's identity: the sha-256 of its fields (without its times, its units and members sorted, so the
     * order a source lists them in changes nothing) and of its files' sha-256s.
     */
    public String identity() {
        return identity(
                registration.canonical(),
                files.stream().map(BundleFile::sha256).toList(),
                missing.stream().map(MissingFile::name).toList());
    }

    /** Today's identity of a registration archived as a bundle, from its manifest alone (its files are not read). */
    static String identityOf(Path archived) throws IOException {
        try (ZipFile zip = new ZipFile(archived.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry manifestEntry = zip.getEntry("bundle.json");
            if (manifestEntry == null) {
                throw new IOException("Not a registration bundle: " + archived);
            }
            Manifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = JSON.readValue(in, Manifest.class);
            }
            return identity(
                    manifest.registration().canonical(),
                    manifest.files().stream().map(Listed::sha256).toList(),
                    manifest.missing().stream().map(MissingFile::name).toList());
        }
    }

    private static String identity(Registration fields, List<String> fileHashes, List<String> missingNames) {
        MessageDigest sha = Sha256.digest();
        try {
            sha.update(JSON.writeValueAsBytes(fields));
        } catch (IOException e) {
            throw new IllegalStateException("A registration is always JSON", e);
        }
        fileHashes.stream().sorted().forEach(h -> sha.update(("\n" + h).getBytes(StandardCharsets.US_ASCII)));
        missingNames.stream().sorted().forEach(n -> sha.update(("\n-" + n).getBytes(StandardCharsets.UTF_8)));
        return Sha256.hex(sha);
    }

    /** Writes the zip; the files are streamed from disk, stored as they are (most are compressed already). */
    public void writeTo(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        put(zip, "source.json", source);
        List<Listed> listed = files.stream()
                .map(f -> new Listed(f.name(), f.reference(), f.sha256(), f.size()))
                .toList();
        put(
                zip,
                "bundle.json",
                JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(new Manifest(FORMAT, registration, listed, missing)));
        zip.setLevel(Deflater.NO_COMPRESSION);
        for (int i = 0; i < files.size(); i++) {
            zip.putNextEntry(new ZipEntry("files/" + i));
            Files.copy(files.get(i).file(), zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    /** Reads an archived bundle back, its files written into {@code work}. */
    public static RecordBundle read(Path archived, Path work) throws IOException {
        try (ZipFile zip = new ZipFile(archived.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry manifestEntry = zip.getEntry("bundle.json");
            ZipEntry sourceEntry = zip.getEntry("source.json");
            if (manifestEntry == null || sourceEntry == null) {
                throw new IOException("Not a registration bundle: " + archived);
            }
            Manifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = JSON.readValue(in, Manifest.class);
            }
            byte[] source;
            try (InputStream in = zip.getInputStream(sourceEntry)) {
                source = in.readAllBytes();
            }
            Files.createDirectories(work);
            List<BundleFile> files = new ArrayList<>();
            for (int i = 0; i < manifest.files().size(); i++) {
                Listed listed = manifest.files().get(i);
                ZipEntry entry = zip.getEntry("files/" + i);
                if (entry == null) {
                    throw new IOException("Bundle " + archived + " lacks its file " + i);
                }
                Path file = work.resolve("file-" + i);
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, file);
                }
                files.add(new BundleFile(listed.name(), listed.reference(), file, listed.sha256(), listed.size()));
            }
            return new RecordBundle(source, manifest.registration(), files, manifest.missing());
        }
    }

    /** The source's record as JSON, for showing. */
    public JsonNode sourceJson() throws IOException {
        return JSON.readTree(source);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
