package org.consentgov.agreement.notices;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of notice-service's list of published notices. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoticeSummary(String slug, String title, Integer currentVersion) {}
