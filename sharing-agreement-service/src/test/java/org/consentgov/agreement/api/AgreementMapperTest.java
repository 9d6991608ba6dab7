package org.consentgov.agreement.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.agreement.api.AgreementViews.AgreementSummaryView;
import org.consentgov.agreement.api.AgreementViews.AgreementView;
import org.consentgov.agreement.api.AgreementViews.EventView;
import org.consentgov.agreement.api.AgreementViews.HistoryEntryView;
import org.consentgov.agreement.domain.AgreementContent;
import org.consentgov.agreement.domain.AgreementContentJson;
import org.consentgov.agreement.domain.AgreementDetails;
import org.consentgov.agreement.domain.AgreementState;
import org.consentgov.agreement.domain.AgreementSummary;
import org.consentgov.agreement.domain.PartyRole;
import org.consentgov.agreement.events.AgreementEvent;
import org.consentgov.agreement.persistence.Agreement;
import org.consentgov.agreement.persistence.AgreementHistory;
import org.consentgov.agreement.persistence.AgreementParty;
import org.consentgov.agreement.persistence.AgreementSignature;
import org.consentgov.agreement.persistence.AgreementVersion;
import org.consentgov.agreement.persistence.Organisation;
import org.junit.jupiter.api.Test;

class AgreementMapperTest {

    static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    private final AgreementContentJson json = new AgreementContentJson(JSON);
    private final AgreementMapper mapper = new AgreementMapper(json);

    @Test
    void aVersionPendingSignatureShowsWhoSignedAndWhoIsAwaited() {
        AgreementContent content = eyes();
        Agreement a = agreement(AgreementState.PENDING_SIGNATURE);
        AgreementVersion v = version(a, 1, AgreementState.PENDING_SIGNATURE, content);
        AgreementParty council = party(v, "luton-council", PartyRole.CONTROLLER);
        AgreementParty schools = party(v, "luton-schools", PartyRole.CONTROLLER);
        AgreementSignature signed = new AgreementSignature();
        signed.organisation = "luton-council";
        signed.signedBy = "council-dpo";
        signed.signedAt = T;
        Organisation org = new Organisation();
        org.slug = "luton-council";
        org.name = "Luton Borough Council";
        org.type = "local-authority";

        AgreementView view = mapper.view(new AgreementDetails(
                a,
                v,
                content,
                List.of(council, schools),
                Map.of("luton-council", signed),
                Map.of("luton-council", org),
                List.of(v)));

        assertThat(view.id()).isEqualTo(a.id);
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.versionState()).isEqualTo(AgreementState.PENDING_SIGNATURE);
        assertThat(view.content()).isEqualTo(content);
        assertThat(view.awaitingSignature()).containsExactly("luton-schools");
        assertThat(view.parties()).hasSize(2);
        assertThat(view.parties().get(0).name()).isEqualTo("Luton Borough Council");
        assertThat(view.parties().get(0).signed()).isTrue();
        assertThat(view.parties().get(0).signedBy()).isEqualTo("council-dpo");
        assertThat(view.parties().get(1).name()).isNull();
        assertThat(view.parties().get(1).signed()).isFalse();
        assertThat(view.versions())
                .singleElement()
                .satisfies(s -> assertThat(s.number()).isEqualTo(1));
        assertThat(view.accessWindow()).isNull();
        assertThat(view.rowVersion()).isEqualTo(a.rowVersion);
    }

    @Test
    void anActiveVersionAwaitsNobodyAndShowsTheAccessWindowWhenLimited() {
        AgreementContent content = eyes();
        Agreement a = agreement(AgreementState.ACTIVE);
        a.accessStartedAt = T;
        a.accessEndsAt = T.plusSeconds(86_400);
        AgreementVersion v = version(a, 1, AgreementState.ACTIVE, content);

        AgreementView view =
                mapper.view(new AgreementDetails(a, v, content, List.of(), Map.of(), Map.of(), List.of(v)));

        assertThat(view.awaitingSignature()).isNull();
        if (content.accessLimit() == null) {
            assertThat(view.accessWindow()).isNull();
        } else {
            assertThat(view.accessWindow().endsAt()).isEqualTo(a.accessEndsAt);
        }
    }

    @Test
    void aSummaryNamesTheCurrentVersionsTitleAndParties() {
        Agreement a = agreement(AgreementState.ACTIVE);
        a.effectiveVersion = 2;
        AgreementVersion v = version(a, 2, AgreementState.ACTIVE, eyes());

        AgreementSummaryView view = mapper.summary(new AgreementSummary(a, v, List.of("luton-council")));

        assertThat(view.title()).isEqualTo(v.title);
        assertThat(view.effectiveVersion()).isEqualTo(2);
        assertThat(view.parties()).containsExactly("luton-council");
        assertThat(view.startDate()).isEqualTo(v.startDate);
    }

    @Test
    void historyAndEventsAreShownAsStored() {
        AgreementHistory h = new AgreementHistory();
        h.versionNumber = 1;
        h.action = "SUSPENDED";
        h.fromState = AgreementState.ACTIVE;
        h.toState = AgreementState.SUSPENDED;
        h.actor = "dpo";
        h.at = T;
        h.reason = "incident";
        AgreementEvent e = new AgreementEvent();
        e.id = UUID.randomUUID();
        e.type = "agreement.suspended";
        e.payload = "{\"reason\":\"incident\",\"version\":1}";

        HistoryEntryView history = mapper.history(h);
        EventView event = mapper.event(e);

        assertThat(history)
                .isEqualTo(new HistoryEntryView(
                        1,
                        "SUSPENDED",
                        AgreementState.ACTIVE,
                        AgreementState.SUSPENDED,
                        "dpo",
                        null,
                        T,
                        "incident",
                        null));
        assertThat(event.payload().get("reason").asText()).isEqualTo("incident");
        assertThat(event.payload().get("version").asInt()).isEqualTo(1);
    }

    static AgreementContent eyes() {
        try (InputStream in = AgreementMapperTest.class
                .getClassLoader()
                .getResourceAsStream("demo/agreements/eyes-luton-schools.json")) {
            return JSON.treeToValue(JSON.readTree(in).get("content"), AgreementContent.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Agreement agreement(AgreementState state) {
        Agreement a = new Agreement();
        a.id = UUID.randomUUID();
        a.reference = "ISA-EYES";
        a.state = state;
        a.latestVersion = 1;
        a.nextReviewOn = LocalDate.of(2027, 3, 1);
        a.createdAt = T;
        a.createdBy = "dpo";
        a.updatedAt = T;
        a.updatedBy = "dpo";
        a.rowVersion = 3;
        return a;
    }

    private AgreementVersion version(Agreement a, int number, AgreementState state, AgreementContent content) {
        AgreementVersion v = new AgreementVersion();
        v.id = UUID.randomUUID();
        v.agreementId = a.id;
        v.number = number;
        v.state = state;
        v.title = content.title();
        v.content = json.write(content);
        v.startDate = content.startDate();
        v.endDate = content.endDate();
        return v;
    }

    private static AgreementParty party(AgreementVersion v, String organisation, PartyRole role) {
        AgreementParty p = new AgreementParty();
        p.versionId = v.id;
        p.organisation = organisation;
        p.role = role;
        return p;
    }
}
