package org.consentgov.notice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class NoticeDiffTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode node(String text) throws Exception {
        return json.readTree(text.replace('\'', '"'));
    }

    @Test
    void identicalContentHasNoChanges() throws Exception {
        JsonNode a = node("{'dataCategories':['identity.gender'],'purposes':[{'code':'research','description':'x'}]}");
        NoticeDiff.Result result = NoticeDiff.between(a, a);
        assertThat(result.changes()).isEmpty();
        assertThat(result.material()).isFalse();
    }

    @Test
    void addingADataCategoryPurposeOrRecipientIsMaterial() throws Exception {
        JsonNode before = node("{'dataCategories':['identity.gender'],'purposes':[],'recipients':[]}");
        JsonNode after = node(
                "{'dataCategories':['identity.gender','special.health'],'purposes':[{'code':'research','description':'x'}],"
                        + "'recipients':[{'name':'Ofsted'}]}");
        NoticeDiff.Result result = NoticeDiff.between(before, after);
        assertThat(result.material()).isTrue();
        assertThat(result.reasons())
                .containsExactly("adds data category special.health", "adds purpose research", "adds recipient Ofsted");
    }

    @Test
    void removingADataCategoryIsAChangeButNotMaterial() throws Exception {
        NoticeDiff.Result result = NoticeDiff.between(
                node("{'dataCategories':['identity.gender','special.health']}"),
                node("{'dataCategories':['identity.gender']}"));
        assertThat(result.material()).isFalse();
        assertThat(result.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(NoticeDiff.ChangeKind.REMOVED);
            assertThat(c.key()).isEqualTo("special.health");
        });
    }

    @Test
    void changingALawfulBasisOrTheConsentTermsIsMaterial() throws Exception {
        NoticeDiff.Result basis = NoticeDiff.between(
                node("{'lawfulBases':[{'appliesTo':'PERSONAL','basis':'uk-gdpr-6-1-e','description':'a'}]}"),
                node("{'lawfulBases':[{'appliesTo':'PERSONAL','basis':'uk-gdpr-6-1-a','description':'a'}]}"));
        assertThat(basis.material()).isTrue();
        assertThat(basis.reasons()).anyMatch(r -> r.startsWith("changes lawful basis"));
        NoticeDiff.Result consent = NoticeDiff.between(
                node("{'consent':{'withdrawalWindowDays':14}}"), node("{'consent':{'withdrawalWindowDays':7}}"));
        assertThat(consent.reasons()).containsExactly("changes the consent terms");
    }

    @Test
    void givingOrChangingHowLongConsentLastsIsMaterial() throws Exception {
        NoticeDiff.Result added = NoticeDiff.between(
                node("{'consent':{'withdrawalWindowDays':14}}"),
                node("{'consent':{'withdrawalWindowDays':14,'consentDuration':'P1Y'}}"));
        assertThat(added.material()).isTrue();
        assertThat(added.reasons()).containsExactly("changes the consent terms");
        NoticeDiff.Result changed = NoticeDiff.between(
                node("{'consent':{'consentDuration':'P1Y'}}"), node("{'consent':{'consentDuration':'P6M'}}"));
        assertThat(changed.material()).isTrue();
        NoticeDiff.Result untilAccessEnds = NoticeDiff.between(
                node("{'consent':{'consentDuration':'P1Y'}}"),
                node("{'consent':{'consentEndsWithAgreementAccess':true}}"));
        assertThat(untilAccessEnds.material()).isTrue();
    }

    @Test
    void rewordingIsNotMaterial() throws Exception {
        NoticeDiff.Result result = NoticeDiff.between(
                node("{'retention':{'description':'a'},'purposes':[{'code':'research','description':'a'}]}"),
                node("{'retention':{'description':'b'},'purposes':[{'code':'research','description':'b'}]}"));
        assertThat(result.material()).isFalse();
        assertThat(result.changes()).hasSize(2);
    }
}
