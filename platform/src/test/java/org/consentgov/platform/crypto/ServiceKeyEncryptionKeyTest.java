package org.consentgov.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Without platform.kek there is no KEK to seal webhook secrets with, so the service does not start. */
class ServiceKeyEncryptionKeyTest {

    @Test
    void noKekOrAMalformedOneIsRefusedNamingTheSettingAndEachServicesVariable() {
        ServiceKeyEncryptionKey producer = new ServiceKeyEncryptionKey();

        assertThatThrownBy(() -> producer.kek(Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("platform.kek")
                .hasMessageContaining("NOTICE_KEK")
                .hasMessageContaining("AGREEMENT_KEK")
                .hasMessageContaining("does not start");
        assertThatThrownBy(() -> producer.kek(Optional.of("c2hvcnQ="))).hasMessageContaining("exactly 32");
    }

    @Test
    void aKekOf32BytesIsTheServicesKek() {
        String base64 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

        assertThat(new ServiceKeyEncryptionKey().kek(Optional.of(base64)).id())
                .isEqualTo(KeyEncryptionKey.fromBase64(base64, "any").id());
    }
}
