package org.consentgov.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.consentgov.platform.problem.FieldError;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.ProblemKind;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Input that no service can store or read unambiguously is refused at the door with a 400 problem:
 * <ul>
 * <li>a NUL character (U+0000) in the path, a query parameter or a JSON string: PostgreSQL cannot hold it in
 * text, so it would otherwise fail deep inside a query as a 500;</li>
 * <li>a JSON object that names the same field twice: which value counts would be the parser's guess.</li>
 * </ul>
 */
@Singleton
public class StrictInput implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("no-nul-strings").addDeserializer(String.class, new NoNulStrings()));
    }

    @ServerRequestFilter(preMatching = true)
    public void refuseNulInUrl(ContainerRequestContext request) {
        String field = null;
        if (request.getUriInfo().getPath().indexOf('\u0000') >= 0) {
            field = "path";
        } else {
            for (Map.Entry<String, List<String>> parameter :
                    request.getUriInfo().getQueryParameters().entrySet()) {
                if (parameter.getKey().indexOf('\u0000') >= 0
                        || parameter.getValue().stream().anyMatch(v -> v.indexOf('\u0000') >= 0)) {
                    field = parameter.getKey().replace("\u0000", "");
                    break;
                }
            }
        }
        if (field != null) {
            throw new ProblemException(
                    ProblemKind.BAD_REQUEST,
                    "invalid-character",
                    "The request has a NUL character (%00) in " + field,
                    List.of(new FieldError(field, "NUL character not allowed")));
        }
    }

    /** Strings as usual, but never with a NUL character. */
    static final class NoNulStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(p, "NUL character not allowed", value, String.class);
            }
            return value;
        }
    }
}
