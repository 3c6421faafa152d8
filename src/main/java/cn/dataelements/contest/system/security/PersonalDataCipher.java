package cn.dataelements.contest.system.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the personal data the contest must keep but nobody reads in full (身份证号 from exam sheets, and the sheets
 * themselves) with AES-256-GCM: a fresh 12-byte nonce per value, the tag checked on reading. The key comes from
 * {@code INTAKE_SECURITY_DATA_KEY} (32 bytes, base64) or, without it, from {@code <data>/secrets/personal-data.key},
 * made on first use and readable by its owner only (bin/backup keeps it with the data). A value written before
 * encryption reads back as it was.
 */
@Component
public class PersonalDataCipher {

    private static final String TEXT_PREFIX = "gcm1:";
    private static final byte[] BYTES_MAGIC = "GCM1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    PersonalDataCipher(
            @Value("${intake.security.data-key:}") String configured, @Value("${intake.data-dir}") Path dataDir) {
        this.key = new SecretKeySpec(configured.isBlank() ? keyFile(dataDir) : decoded(configured), "AES");
    }

    public String encrypt(String plain) {
        if (plain == null || plain.isEmpty()) {
            return plain;
        }
        return TEXT_PREFIX + Base64.getEncoder().encodeToString(seal(plain.getBytes(StandardCharsets.UTF_8)));
    }

    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(TEXT_PREFIX)) {
            return stored;
        }
        return new String(
                open(Base64.getDecoder().decode(stored.substring(TEXT_PREFIX.length()))), StandardCharsets.UTF_8);
    }

    public byte[] encrypt(byte[] plain) {
        byte[] sealed = seal(plain);
        return ByteBuffer.allocate(BYTES_MAGIC.length + sealed.length)
                .put(BYTES_MAGIC)
                .put(sealed)
                .array();
    }

    public byte[] decrypt(byte[] stored) {
        if (stored.length < BYTES_MAGIC.length
                || !Arrays.equals(stored, 0, BYTES_MAGIC.length, BYTES_MAGIC, 0, BYTES_MAGIC.length)) {
            return stored;
        }
        return open(Arrays.copyOfRange(stored, BYTES_MAGIC.length, stored.length));
    }

    private byte[] seal(byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every Java runtime", e);
        }
    }

    private byte[] open(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Personal data does not decrypt: the key (INTAKE_SECURITY_DATA_KEY or secrets/personal-data.key) is"
                            + " not the one it was written with",
                    e);
        }
    }

    private static byte[] decoded(String configured) {
        byte[] key = Base64.getDecoder().decode(configured.strip());
        if (key.length != 32) {
            throw new IllegalStateException("INTAKE_SECURITY_DATA_KEY must be 32 bytes in base64, not " + key.length);
        }
        return key;
    }

    private static synchronized byte[] keyFile(Path dataDir) {
        Path file = dataDir.resolve("secrets").resolve("personal-data.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] made = new byte[32];
                RANDOM.nextBytes(made);
                Path part = file.resolveSibling("personal-data.key.part");
                Files.write(part, Base64.getEncoder().encode(made));
                Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-------"));
                Files.move(part, file);
            }
            return decoded(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or make the personal data key " + file, e);
        }
    }
}
