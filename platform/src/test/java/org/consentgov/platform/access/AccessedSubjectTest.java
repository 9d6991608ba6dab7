package org.consentgov.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessedSubjectTest {

    @Test
    void anIdentifiersTextFormNamesItsSystemButNeverItsValue() {
        AccessedSubject subject = AccessedSubject.byIdentifier("nhs-number", "9434765919");

        assertThat(subject.toString()).contains("nhs-number").doesNotContain("9434765919");
    }

    @Test
    void aSubjectKeptByTheServiceIsNamedByItsInternalId() {
        UUID id = UUID.randomUUID();

        assertThat(AccessedSubject.byId(id).toString()).contains(id.toString());
    }
}
