package org.consentgov.agreement.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A subject named by an external identifier, {@code system:value}, as consent-service names subjects: an NHS
 * number (modulus 11), a UPN (modulus 23 check letter), a National Insurance number or a case-management id.
 * Values are normalised the way consent-service normalises them, so that the disclosure log and the consent
 * check find the same person however the number was typed. Pure.
 */
public record SubjectRef(String system, String value) {

    public static final Set<String> SYSTEMS = Set.of("nhs-number", "upn", "ni-number", "case-management-id");

    private static final String UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");
    private static final Pattern UPN = Pattern.compile("[" + UPN_LETTERS + "]\\d{11}[0-9" + UPN_LETTERS + "]");
    private static final Pattern NI = Pattern.compile("[A-Z]{2}\\d{6}[A-D]?");
    private static final Set<String> NI_UNUSED_PREFIXES = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");
    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,19}");

    /** Parses {@code system:value}; the message says what is wrong when it is not a valid identifier. */
    public static Parsed parse(String text) {
        if (text == null || !text.contains(":")) {
            return Parsed.invalid("a subject is system:value, e.g. nhs-number:9434765919");
        }
        String system = text.substring(0, text.indexOf(':')).strip();
        String raw = text.substring(text.indexOf(':') + 1);
        if (!SYSTEMS.contains(system)) {
            return Parsed.invalid("unknown identifier system '" + system + "'; one of "
                    + String.join(", ", SYSTEMS.stream().sorted().toList()));
        }
        String value = normalise(system, raw);
        return problem(system, value)
                .map(Parsed::invalid)
                .orElseGet(() -> new Parsed(new SubjectRef(system, value), null));
    }

    public record Parsed(SubjectRef subject, String problem) {
        static Parsed invalid(String problem) {
            return new Parsed(null, problem);
        }

        public boolean valid() {
            return subject != null;
        }
    }

    @Override
    public String toString() {
        return system + ":" + value;
    }

    static String normalise(String system, String raw) {
        String stripped = raw.strip();
        return switch (system) {
            case "nhs-number" -> stripped.replace(" ", "").replace("-", "");
            case "upn", "ni-number" -> stripped.replace(" ", "").toUpperCase(Locale.ROOT);
            default -> stripped;
        };
    }

    static Optional<String> problem(String system, String value) {
        if (value.isEmpty()) {
            return Optional.of("the identifier value is empty");
        }
        return switch (system) {
            case "nhs-number" ->
                !TEN_DIGITS.matcher(value).matches()
                        ? Optional.of("an NHS number has exactly 10 digits")
                        : nhsCheckDigit(value) != value.charAt(9) - '0'
                                ? Optional.of("not a valid NHS number: the check digit is wrong")
                                : Optional.empty();
            case "upn" ->
                !UPN.matcher(value).matches()
                        ? Optional.of("a UPN is a check letter followed by 12 digits, or by 11 digits and a letter")
                        : upnCheckLetter(value.substring(1)) != value.charAt(0)
                                ? Optional.of("not a valid UPN: the check letter is wrong")
                                : Optional.empty();
            case "ni-number" ->
                !NI.matcher(value).matches()
                                || "DFIQUV".indexOf(value.charAt(0)) >= 0
                                || "DFIOQUV".indexOf(value.charAt(1)) >= 0
                                || NI_UNUSED_PREFIXES.contains(value.substring(0, 2))
                        ? Optional.of("not a valid National Insurance number")
                        : Optional.empty();
            default ->
                CASE_ID.matcher(value).matches()
                        ? Optional.empty()
                        : Optional.of("a case-management person id is 1 to 20 letters, digits and hyphens");
        };
    }

    /** NHS modulus 11: weights 10 down to 2; 11 becomes 0; 10 is no valid number (returned as -1). */
    static int nhsCheckDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check == 10 ? -1 : check;
    }

    /** DfE UPN check letter over characters 2 to 13, weights 2 to 13, modulus 23. */
    static char upnCheckLetter(String lastTwelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            char c = lastTwelve.charAt(i);
            sum += (Character.isDigit(c) ? c - '0' : UPN_LETTERS.indexOf(c)) * (i + 2);
        }
        return UPN_LETTERS.charAt(sum % 23);
    }
}
