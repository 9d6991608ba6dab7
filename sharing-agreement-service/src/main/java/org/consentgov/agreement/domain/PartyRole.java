package org.consentgov.agreement.domain;

/** What a party is in an agreement (ICO Data Sharing Code: who is controller, joint controller, processor, recipient). */
public enum PartyRole {
    CONTROLLER,
    JOINT_CONTROLLER,
    PROCESSOR,
    RECIPIENT;

    public boolean controller() {
        return this == CONTROLLER || this == JOINT_CONTROLLER;
    }
}
