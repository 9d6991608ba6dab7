package org.consentgov.platform.identifiers;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The external identifier systems a subject may carry (DESIGN §6), each with a stable code, its
 * normalisation and its format and check rules, for every service that names a subject. Pure: {@link #problem}
 * returns a message instead of throwing, so callers choose the error code and the field.
 *
 * <p>Two wordings exist because two APIs already publish them: {@link #problem} explains each rule (consent
 * records), {@link #briefProblem} is the shorter text of a {@code system:value} parameter ({@link Identifier}).
 */
public enum IdentifierSystem {

    /** NHS number: ten digits, the last a modulus 11 check digit. */
    NHS_NUMBER("nhs-number") {
        @Override
        public String normalise(String raw) {
            return raw == null ? null : raw.strip().replace(" ", "").replace("-", "");
        }

        @Override
        public Optional<String> problem(String normalised) {
            if (normalised == null || normalised.isEmpty()) {
                return Optional.of("an NHS number is required");
            }
            if (!TEN_DIGITS.matcher(normalised).matches()) {
                return Optional.of("an NHS number has exactly 10 digits");
            }
            OptionalInt check = nhsCheckDigit(normalised.substring(0, 9));
            if (check.isEmpty()) {
                return Optional.of("not a valid NHS number: no check digit exists for its first nine digits");
            }
            if (check.getAsInt() != normalised.charAt(9) - '0') {
                return Optional.of("not a valid NHS number: the check digit is wrong");
            }
            return Optional.empty();
        }

        @Override
        String briefWording(String normalised) {
            return TEN_DIGITS.matcher(normalised).matches()
                    ? "not a valid NHS number: the check digit is wrong"
                    : "an NHS number has exactly 10 digits";
        }
    },

    /** DfE Unique Pupil Number: a modulus 23 check letter, then 12 digits or 11 digits and a letter. */
    UPN("upn") {
        @Override
        public String normalise(String raw) {
            return raw == null ? null : raw.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        }

        @Override
        public Optional<String> problem(String normalised) {
            if (normalised == null || normalised.isEmpty()) {
                return Optional.of("a UPN is required");
            }
            if (!UPN_FORMAT.matcher(normalised).matches()) {
                return Optional.of("a UPN is a check letter followed by 12 digits, or by 11 digits and a letter "
                        + "(not I, O or S) for a temporary UPN");
            }
            if (upnCheckLetter(normalised.substring(1)) != normalised.charAt(0)) {
                return Optional.of("not a valid UPN: the check letter is wrong");
            }
            return Optional.empty();
        }

        @Override
        String briefWording(String normalised) {
            return UPN_FORMAT.matcher(normalised).matches()
                    ? "not a valid UPN: the check letter is wrong"
                    : "a UPN is a check letter followed by 12 digits, or by 11 digits and a letter";
        }
    },

    /** National Insurance number in HMRC format: two prefix letters, six digits, an optional suffix A–D. */
    NI_NUMBER("ni-number") {
        @Override
        public String normalise(String raw) {
            return raw == null ? null : raw.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        }

        @Override
        public Optional<String> problem(String normalised) {
            if (normalised == null || normalised.isEmpty()) {
                return Optional.of("a National Insurance number is required");
            }
            if (!NI_FORMAT.matcher(normalised).matches()) {
                return Optional.of("a National Insurance number is two letters, six digits and an optional letter A-D");
            }
            char first = normalised.charAt(0);
            char second = normalised.charAt(1);
            if ("DFIQUV".indexOf(first) >= 0) {
                return Optional.of("a National Insurance number cannot start with " + first);
            }
            if ("DFIOQUV".indexOf(second) >= 0) {
                return Optional.of("a National Insurance number cannot have " + second + " as its second letter");
            }
            String prefix = normalised.substring(0, 2);
            if (NI_UNUSED_PREFIXES.contains(prefix)) {
                return Optional.of("the prefix " + prefix + " is not used for National Insurance numbers");
            }
            return Optional.empty();
        }

        @Override
        String briefWording(String normalised) {
            return "not a valid National Insurance number";
        }
    },

    /** The case-management system's (Liquidlogic) person id. */
    CASE_MANAGEMENT_ID("case-management-id") {
        @Override
        public String normalise(String raw) {
            return raw == null ? null : raw.strip();
        }

        @Override
        public Optional<String> problem(String normalised) {
            if (normalised == null || normalised.isEmpty()) {
                return Optional.of("a case-management person id is required");
            }
            if (!CASE_ID_FORMAT.matcher(normalised).matches()) {
                return Optional.of("a case-management person id is 1 to 20 letters, digits and hyphens, "
                        + "starting with a letter or digit");
            }
            return Optional.empty();
        }

        @Override
        String briefWording(String normalised) {
            return "a case-management person id is 1 to 20 letters, digits and hyphens";
        }
    };

    /** Check letters and temporary-UPN final letters: A–Z without I, O and S, valued 0 to 22. */
    public static final String UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");
    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");
    private static final Pattern UPN_FORMAT = Pattern.compile("[" + UPN_LETTERS + "]\\d{11}[0-9" + UPN_LETTERS + "]");
    private static final Pattern UPN_BODY = Pattern.compile("\\d{11}[0-9" + UPN_LETTERS + "]");
    private static final Pattern NI_FORMAT = Pattern.compile("[A-Z]{2}\\d{6}[A-D]?");
    private static final Set<String> NI_UNUSED_PREFIXES = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");
    private static final Pattern CASE_ID_FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,19}");

    private final String code;

    IdentifierSystem(String code) {
        this.code = code;
    }

    /** The stable code used in APIs and storage, e.g. {@code nhs-number}. */
    public String code() {
        return code;
    }

    public static Optional<IdentifierSystem> fromCode(String code) {
        for (IdentifierSystem system : values()) {
            if (system.code.equals(code)) {
                return Optional.of(system);
            }
        }
        return Optional.empty();
    }

    /** The value as stored and compared: trimmed, separators dropped, letters upper-cased where the format has them. */
    public abstract String normalise(String raw);

    /** Why a normalised value is not a valid identifier of this system, or empty when it is valid. */
    public abstract Optional<String> problem(String normalised);

    /** As {@link #problem}, in the shorter wording of a {@code system:value} parameter. */
    public Optional<String> briefProblem(String normalised) {
        if (normalised == null || normalised.isEmpty()) {
            return Optional.of("the identifier value is empty");
        }
        return problem(normalised).map(detailed -> briefWording(normalised));
    }

    abstract String briefWording(String invalid);

    /**
     * The NHS modulus 11 check digit for the first nine digits: weights 10 down to 2, check = 11 − (sum mod 11),
     * 11 becoming 0. Empty when the result is 10: no NHS number starts with those nine digits.
     */
    public static OptionalInt nhsCheckDigit(String firstNineDigits) {
        if (firstNineDigits == null || !NINE_DIGITS.matcher(firstNineDigits).matches()) {
            throw new IllegalArgumentException("nine digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (firstNineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            return OptionalInt.of(0);
        }
        return check == 10 ? OptionalInt.empty() : OptionalInt.of(check);
    }

    /**
     * The UPN check letter for characters 2 to 13 (11 digits, then a digit or, for a temporary UPN, a letter
     * valued by its place in the check-letter table): weights 2 to 13, sum mod 23, mapped to A–Z without
     * I, O and S (DfE, "Unique Pupil Numbers (UPN) – A guide for schools and local authorities").
     */
    public static char upnCheckLetter(String lastTwelve) {
        if (lastTwelve == null || !UPN_BODY.matcher(lastTwelve).matches()) {
            throw new IllegalArgumentException("11 digits and a final digit or letter expected");
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            char c = lastTwelve.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : UPN_LETTERS.indexOf(c);
            sum += value * (i + 2);
        }
        return UPN_LETTERS.charAt(sum % 23);
    }
}
