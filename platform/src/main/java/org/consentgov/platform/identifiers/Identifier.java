package org.consentgov.platform.identifiers;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A subject named by an external identifier, {@code system:value}, its value normalised so that every service
 * finds the same person however the number was typed. Pure.
 */
public record Identifier(IdentifierSystem system, String value) {

    private static final String SYSTEM_CODES = Arrays.stream(IdentifierSystem.values())
            .map(IdentifierSystem::code)
            .sorted()
            .collect(Collectors.joining(", "));

    /** Parses {@code system:value}; the problem says what is wrong when it is not a valid identifier. */
    public static Parsed parse(String text) {
        if (text == null || !text.contains(":")) {
            return Parsed.invalid("a subject is system:value, e.g. nhs-number:9434765919");
        }
        String code = text.substring(0, text.indexOf(':')).strip();
        String raw = text.substring(text.indexOf(':') + 1);
        return IdentifierSystem.fromCode(code)
                .map(system -> {
                    String value = system.normalise(raw);
                    return system.briefProblem(value)
                            .map(Parsed::invalid)
                            .orElseGet(() -> new Parsed(new Identifier(system, value), null));
                })
                .orElseGet(() -> Parsed.invalid("unknown identifier system '" + code + "'; one of " + SYSTEM_CODES));
    }

    /** Either an identifier or the reason the text is none. */
    public record Parsed(Identifier identifier, String problem) {
        static Parsed invalid(String problem) {
            return new Parsed(null, problem);
        }

        public boolean valid() {
            return identifier != null;
        }
    }

    /** The system's stable code, as stored beside the value. */
    public String systemCode() {
        return system.code();
    }

    @Override
    public String toString() {
        return system.code() + ":" + value;
    }
}
