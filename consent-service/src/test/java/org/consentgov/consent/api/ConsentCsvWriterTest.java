package org.consentgov.consent.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.api.ConsentViews.ConsentRecordView;
import org.consentgov.consent.api.ConsentViews.NoticeRef;
import org.consentgov.consent.domain.ConsentState;
import org.consentgov.consent.domain.Decision;
import org.junit.jupiter.api.Test;

class ConsentCsvWriterTest {

    static final UUID ID = UUID.fromString("0b9f5c2e-6f7a-4c8e-9a51-3d2f0f1e7a10");
    static final UUID SUBJECT = UUID.fromString("7d1c3a4b-2e5f-4a6b-8c9d-0e1f2a3b4c5d");

    static ConsentRecordView record(
            String recordedBy, List<String> purposes, List<String> missing, LocalDate windowEnds, Instant endedAt) {
        return new ConsentRecordView(
                ID,
                SUBJECT,
                null,
                new NoticeRef("what-it-means-to-me", 2, "a".repeat(64)),
                purposes,
                List.of("special.ethnicity"),
                Decision.GIVEN,
                ConsentState.ACTIVE,
                true,
                missing,
                List.of(),
                "PAPER_FORM",
                null,
                LocalDate.parse("2025-03-01"),
                LocalDate.parse("2025-03-01"),
                null,
                recordedBy,
                "luton-council",
                Instant.parse("2025-03-02T10:15:30.123456Z"),
                windowEnds,
                false,
                null,
                endedAt,
                null,
                null,
                1,
                0);
    }

    static String csv(ConsentRecordView... records) throws IOException {
        StringWriter out = new StringWriter();
        ConsentCsvWriter writer = new ConsentCsvWriter(out);
        writer.header();
        for (ConsentRecordView r : records) {
            writer.write(r);
        }
        writer.flush();
        return out.toString();
    }

    @Test
    void theHeaderNamesTheColumnsInOrderAndLinesEndWithCrLf() throws IOException {
        assertThat(csv())
                .isEqualTo(
                        "id,subjectId,noticeSlug,noticeVersion,noticeContentHash,purposes,state,effective,"
                                + "decision,missingParties,formReceivedOn,recordedAt,recordedBy,withdrawalWindowEndsOn,endedAt\r\n");
    }

    @Test
    void aRecordIsOneRowWithListsJoinedBySemicolonsAndAbsentValuesEmpty() throws IOException {
        String row = csv(record(
                        "caseworker-user",
                        List.of("research", "early-help"),
                        List.of("parent-or-carer"),
                        LocalDate.parse("2025-03-15"),
                        null))
                .split("\r\n")[1];

        assertThat(row)
                .isEqualTo(ID + "," + SUBJECT + ",what-it-means-to-me,2," + "a".repeat(64)
                        + ",research;early-help,ACTIVE,true,GIVEN,parent-or-carer,2025-03-01,2025-03-02T10:15:30.123456Z,"
                        + "caseworker-user,2025-03-15,");
    }

    @Test
    void emptyListsAndMissingDatesAreEmptyFields() throws IOException {
        String row = csv(record("dpo", List.of("research"), List.of(), null, Instant.parse("2025-04-01T00:00:00Z")))
                .split("\r\n")[1];

        assertThat(row.split(",", -1)).hasSize(ConsentCsvWriter.COLUMNS.size());
        assertThat(row).contains(",GIVEN,,2025-03-01,").endsWith(",dpo,,2025-04-01T00:00:00Z");
    }

    @Test
    void aValueWithACommaIsQuoted() throws IOException {
        String row = csv(record("Smith, Jo", List.of("research"), List.of(), null, null))
                .split("\r\n")[1];

        assertThat(row).contains(",\"Smith, Jo\",");
        assertThat(ConsentCsvWriter.field("a,b")).isEqualTo("\"a,b\"");
    }

    @Test
    void quotesAreDoubledInsideAQuotedField() {
        assertThat(ConsentCsvWriter.field("say \"yes\"")).isEqualTo("\"say \"\"yes\"\"\"");
        assertThat(ConsentCsvWriter.field("\"")).isEqualTo("\"\"\"\"");
    }

    @Test
    void lineBreaksAreQuotedAndKeptInsideTheField() {
        assertThat(ConsentCsvWriter.field("one\ntwo")).isEqualTo("\"one\ntwo\"");
        assertThat(ConsentCsvWriter.field("one\r\ntwo")).isEqualTo("\"one\r\ntwo\"");
        assertThat(ConsentCsvWriter.field("cr\r")).isEqualTo("\"cr\r\"");
    }

    @Test
    void plainValuesAreNotQuoted() {
        assertThat(ConsentCsvWriter.field("research-what-it-means-to-me")).isEqualTo("research-what-it-means-to-me");
        assertThat(ConsentCsvWriter.field("has space; and semicolon")).isEqualTo("has space; and semicolon");
        assertThat(ConsentCsvWriter.field("")).isEmpty();
        assertThat(ConsentCsvWriter.field(null)).isEmpty();
        assertThat(ConsentCsvWriter.row(List.of("a", "b,c", ""))).isEqualTo("a,\"b,c\",\r\n");
    }
}
