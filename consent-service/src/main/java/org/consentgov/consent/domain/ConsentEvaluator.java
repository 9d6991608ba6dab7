package org.consentgov.consent.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides, from the notice's consent terms and each party's own decision, whether a record is refused,
 * and whether it is effective: every party the notice requires has given consent. A child's refusal is
 * always respected, whoever else agreed. Pure: no clock, no I/O.
 */
public final class ConsentEvaluator {

    /** The slot a parent, carer, guardian or the local authority as corporate parent can fill. */
    public static final String PARENT_OR_CARER = "parent-or-carer";

    static final Set<String> PARENTAL_ROLES = Set.of("parent", "carer", "guardian", "local-authority");

    /** The notice's consent terms, as far as they decide who must agree. */
    public record Terms(List<String> requiredParties, String parentOrCarer, Integer parentOrCarerUnderAge) {}

    public record Party(String role, Decision decision, Capacity capacity) {}

    public record Outcome(
            Decision decision,
            ConsentState state,
            boolean effective,
            List<String> missingParties,
            List<String> reasons) {}

    private ConsentEvaluator() {}

    /** The slots that must be filled with consent: the notice's required parties, plus a parent or carer when its rule says so. */
    public static List<String> requiredSlots(
            Terms terms, LocalDate dateOfBirth, LocalDate formReceivedOn, List<Party> parties) {
        List<String> slots = new ArrayList<>();
        for (String role : terms.requiredParties() == null ? List.<String>of() : terms.requiredParties()) {
            String slot = PARENTAL_ROLES.contains(role) ? PARENT_OR_CARER : role;
            if (!slots.contains(slot)) {
                slots.add(slot);
            }
        }
        boolean parentNeeded = switch (terms.parentOrCarer() == null ? "NEVER" : terms.parentOrCarer()) {
            case "ALWAYS" -> true;
            case "UNDER_AGE" ->
                terms.parentOrCarerUnderAge() != null
                        && Period.between(dateOfBirth, formReceivedOn).getYears() < terms.parentOrCarerUnderAge();
            case "WHERE_NEEDED" ->
                parties.stream().noneMatch(p -> "child".equals(p.role()) && p.capacity() == Capacity.GILLICK_COMPETENT);
            default -> false;
        };
        if (parentNeeded && !slots.contains(PARENT_OR_CARER)) {
            slots.add(PARENT_OR_CARER);
        }
        return slots;
    }

    public static Outcome evaluate(Terms terms, LocalDate dateOfBirth, LocalDate formReceivedOn, List<Party> parties) {
        List<String> slots = requiredSlots(terms, dateOfBirth, formReceivedOn, parties);
        List<String> reasons = new ArrayList<>();
        boolean refused = false;
        if (parties.stream().anyMatch(p -> "child".equals(p.role()) && p.decision() == Decision.REFUSED)) {
            refused = true;
            reasons.add("the child refused; a child's refusal is respected");
        }
        List<String> missing = new ArrayList<>();
        for (String slot : slots) {
            List<Party> filling = parties.stream().filter(p -> fills(p, slot)).toList();
            if (filling.stream().anyMatch(p -> p.decision() == Decision.REFUSED)) {
                if (!slot.equals("child")) {
                    reasons.add("a required " + slot + " refused");
                }
                refused = true;
            } else if (filling.stream().noneMatch(p -> p.decision() == Decision.GIVEN)) {
                missing.add(slot);
            }
        }
        if (refused) {
            return new Outcome(
                    Decision.REFUSED, ConsentState.REFUSED, false, List.copyOf(missing), List.copyOf(reasons));
        }
        for (String slot : missing) {
            reasons.add("consent of the " + slot + " is still missing");
        }
        return new Outcome(
                Decision.GIVEN, ConsentState.ACTIVE, missing.isEmpty(), List.copyOf(missing), List.copyOf(reasons));
    }

    private static boolean fills(Party party, String slot) {
        return PARENT_OR_CARER.equals(slot) ? PARENTAL_ROLES.contains(party.role()) : slot.equals(party.role());
    }
}
