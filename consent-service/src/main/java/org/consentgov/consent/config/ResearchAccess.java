package org.consentgov.consent.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which notices a research organisation may ask the check API about: those of its information-sharing
 * agreements. Configured as {@code org:slug org:slug …} until sharing-agreement-service answers it
 * (DESIGN §7); anything not listed is "not yours" (404).
 */
@ApplicationScoped
public class ResearchAccess {

    private final Map<String, Set<String>> noticesByOrg;

    public ResearchAccess(ConsentConfig config) {
        Map<String, Set<String>> map = new HashMap<>();
        Arrays.stream(config.researchNotices().orElse("").split("[,\\s]+"))
                .filter(s -> s.contains(":"))
                .forEach(pair -> {
                    String[] parts = pair.split(":", 2);
                    map.computeIfAbsent(parts[0], k -> new java.util.HashSet<>())
                            .add(parts[1]);
                });
        this.noticesByOrg = map.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    public boolean allows(String org, String noticeSlug) {
        return org != null && noticesByOrg.getOrDefault(org, Set.of()).contains(noticeSlug);
    }

    public List<String> notices(String org) {
        return List.copyOf(noticesByOrg.getOrDefault(org, Set.of()));
    }
}
