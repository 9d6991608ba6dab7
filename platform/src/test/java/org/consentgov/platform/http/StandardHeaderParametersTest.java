package org.consentgov.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

class StandardHeaderParametersTest {

    private final StandardHeaderParameters filter = new StandardHeaderParameters();

    private static Parameter header(String name) {
        return OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.HEADER)
                .description("Own words")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    @Test
    void anIdempotencyKeyWithoutLimitsGetsTheStandardSchemaAndExample() {
        Parameter key = filter.filterParameter(header("Idempotency-Key"));

        assertThat(key.getSchema().getMaxLength()).isEqualTo(255);
        assertThat(key.getSchema().getPattern()).isEqualTo("[\\x21-\\x7E]{1,255}");
        assertThat(key.getExample()).isEqualTo("6f1c2b9e-0d4a-4c1e-9b7f-5a3e2d1c0b9a");
        assertThat(key.getDescription()).isEqualTo("Own words");
    }

    @Test
    void anIfMatchWithoutLimitsGetsAStrongETagSchemaAndExample() {
        Parameter ifMatch = filter.filterParameter(header("If-Match").required(true));

        assertThat(ifMatch.getSchema().getMaxLength()).isEqualTo(22);
        assertThat(ifMatch.getSchema().getPattern()).isEqualTo("\"[0-9]{1,20}\"");
        assertThat(ifMatch.getExample()).isEqualTo("\"3\"");
        assertThat(ifMatch.getRequired()).isTrue();
    }

    @Test
    void aParameterThatDeclaresItsOwnLimitsOrIsNotAHeaderIsLeftAlone() {
        Parameter shorterKey = header("Idempotency-Key").example("eyes-import-2026-03-03");
        shorterKey.getSchema().maxLength(244);
        Parameter query = OASFactory.createParameter().name("If-Match").in(Parameter.In.QUERY);

        filter.filterParameter(shorterKey);
        filter.filterParameter(query);

        assertThat(shorterKey.getSchema().getMaxLength()).isEqualTo(244);
        assertThat(shorterKey.getSchema().getPattern()).isNull();
        assertThat(shorterKey.getExample()).isEqualTo("eyes-import-2026-03-03");
        assertThat(query.getSchema()).isNull();
    }

    @Test
    void otherHeadersAreLeftAlone() {
        Parameter other = filter.filterParameter(header("X-Request-Id"));

        assertThat(other.getSchema().getMaxLength()).isNull();
        assertThat(other.getExample()).isNull();
    }

    @Test
    void anIdempotencyKeyWithoutADescriptionGetsTheUsualOne() {
        Parameter key = filter.filterParameter(
                OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER));

        assertThat(key.getDescription()).isEqualTo("Makes a retry return the first response instead of creating again");
        assertThat(key.getSchema().getMaxLength()).isEqualTo(255);
    }
}
