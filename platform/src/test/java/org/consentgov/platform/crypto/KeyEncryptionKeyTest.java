package org.consentgov.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The KEK that seals receipt signing keys and webhook secrets: one mechanism for every service. */
class KeyEncryptionKeyTest {

    private static final String ID_OF_KEK = "81a7a2768b75afa2";
    private static final String SETTING = "consent.receipts.kek (CONSENT_RECEIPT_KEK)";
    private static final String KEK = base64("0123456789abcdef0123456789abcdef");
    private static final byte[] SECRET = "{\"kty\":\"EC\",\"d\":\"secret\"}".getBytes(StandardCharsets.UTF_8);

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void sealedKeysOpenWithTheSameKekAndKid() {
        KeyEncryptionKey kek = KeyEncryptionKey.fromBase64(KEK, SETTING);
        KeyEncryptionKey.Sealed sealed = kek.seal("kid-1", SECRET);

        assertThat(sealed.nonce()).hasSize(12);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("secret");
        assertThat(KeyEncryptionKey.fromBase64(KEK, SETTING).open("kid-1", sealed))
                .isEqualTo(SECRET);
    }

    @Test
    void everySealHasAFreshNonce() {
        KeyEncryptionKey kek = KeyEncryptionKey.fromBase64(KEK, SETTING);

        assertThat(kek.seal("kid-1", SECRET).nonce())
                .isNotEqualTo(kek.seal("kid-1", SECRET).nonce());
    }

    @Test
    void anotherKekOrAnotherKidDoesNotOpenIt() {
        KeyEncryptionKey.Sealed sealed =
                KeyEncryptionKey.fromBase64(KEK, SETTING).seal("kid-1", SECRET);
        KeyEncryptionKey other = KeyEncryptionKey.fromBase64(base64("another key of thirty-two bytes!"), SETTING);

        assertThatThrownBy(() -> other.open("kid-1", sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decrypt")
                .hasMessageContaining(SETTING);
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64(KEK, SETTING).open("kid-2", sealed))
                .as("a sealed key copied onto another row")
                .isInstanceOf(IllegalStateException.class);
        assertThat(other.id())
                .isNotEqualTo(KeyEncryptionKey.fromBase64(KEK, SETTING).id());
    }

    @Test
    void aMissingShortOrGarbledKekIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64(null, SETTING))
                .hasMessageContaining("CONSENT_RECEIPT_KEK");
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64(" ", SETTING))
                .hasMessageContaining("openssl rand -base64 32");
        String shortKek = base64("only sixteen b!!");
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64(shortKek, SETTING))
                .hasMessageContaining("exactly 32")
                .hasMessageNotContaining(shortKek);
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("not base64 at all!", SETTING))
                .hasMessageContaining("not base64")
                .hasMessageNotContaining("not base64 at all!");
    }

    @Test
    void itsStringFormNamesOnlyItsId() {
        KeyEncryptionKey kek = KeyEncryptionKey.fromBase64(KEK, SETTING);

        assertThat(kek.toString()).doesNotContain(KEK).contains(kek.id());
        assertThat(kek.id()).doesNotContain(KEK).hasSize(16);
    }

    @Test
    void itsIdIsTheOneKeysSealedBeforeTheMoveWereStoredWith() {
        // a changed label would make every receipt key sealed earlier look sealed under another KEK
        assertThat(KeyEncryptionKey.fromBase64(KEK, SETTING).id()).isEqualTo(ID_OF_KEK);
    }
}
