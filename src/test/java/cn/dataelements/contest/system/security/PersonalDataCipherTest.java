package cn.dataelements.contest.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-GCM for the personal data kept: a key made once and kept private, values that read back, tampering refused. */
class PersonalDataCipherTest {

    @TempDir
    Path data;

    @Test
    void aValueReadsBackWithTheSameKeyAndTheKeyFileIsTheOwnersOnly() throws Exception {
        PersonalDataCipher cipher = new PersonalDataCipher("", data);
        String stored = cipher.encrypt("370602199001011234");

        assertThat(stored).startsWith("gcm1:").doesNotContain("370602");
        assertThat(cipher.encrypt("370602199001011234"))
                .as("a fresh nonce each time")
                .isNotEqualTo(stored);
        assertThat(new PersonalDataCipher("", data).decrypt(stored))
                .as("the key file is made once and read again")
                .isEqualTo("370602199001011234");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(data.resolve("secrets/personal-data.key"))))
                .isEqualTo("rw-------");
        assertThat(cipher.decrypt("370602199001011234"))
                .as("a value from before encryption")
                .isEqualTo("370602199001011234");

        byte[] sheet = "姓名,身份证号\n张伟,370602199001011234".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = cipher.encrypt(sheet);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("370602");
        assertThat(cipher.decrypt(sealed)).isEqualTo(sheet);
    }

    @Test
    void anotherKeyOrAnEditedValueIsRefused() {
        String stored = new PersonalDataCipher("", data).encrypt("370602199001011234");
        PersonalDataCipher other = new PersonalDataCipher("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", data);

        assertThatThrownBy(() -> other.decrypt(stored)).hasMessageContaining("not the one it was written with");
        // one character of the sealed bytes changed (not a padding bit): the tag no longer matches
        int at = "gcm1:".length() + 20;
        String edited = stored.substring(0, at) + (stored.charAt(at) == 'A' ? 'B' : 'A') + stored.substring(at + 1);
        assertThatThrownBy(() -> new PersonalDataCipher("", data).decrypt(edited))
                .isInstanceOf(IllegalStateException.class);
    }
}
