package org.consentgov.platform.archfixture.clean.persistence;

public class ThingRepository {

    public String find(String id) {
        return id;
    }
}
