package org.consentgov.platform.archfixture.otherservice;

public record OtherServiceType(String value) {}
