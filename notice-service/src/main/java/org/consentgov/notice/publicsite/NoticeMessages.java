package org.consentgov.notice.publicsite;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every fixed word of the public pages, in English. A translation adds {@code messages/msg_<lang>.properties}
 * (for example msg_cy.properties for Welsh); a key it leaves out is shown in English.
 */
@MessageBundle(value = "msg", locale = "en")
public interface NoticeMessages {

    @Message("Skip to the notice")
    String skipLink();

    @Message("Privacy notices")
    String serviceName();

    @Message("All privacy notices")
    String allNotices();

    @Message("Privacy notices")
    String indexTitle();

    @Message("No notice is published yet.")
    String indexEmpty();

    @Message("version {number}")
    String indexVersion(int number);

    @Message("Language")
    String languageNav();

    @Message("Ways to read this notice")
    String viewsNav();

    @Message("Full notice")
    String fullNotice();

    @Message("Summary for children and young people")
    String childSummary();

    @Message("This is a short version of the notice, in plain words.")
    String childSummaryIntro();

    @Message("Read the full notice")
    String readFullNotice();

    @Message("Contents")
    String contents();

    @Message("This is version {number}, which is no longer in force.")
    String notInForce(int number);

    @Message("Important")
    String bannerTitle();

    @Message("Read the notice in force now")
    String readCurrent();

    @Message("Version {number}, in force from {from}")
    String versionMeta(int number, String from);

    @Message("Fingerprint (SHA-256)")
    String fingerprint();

    @Message("At a glance")
    String atAGlance();

    @Message("Who is responsible for your information")
    String controllers();

    @Message("Personal data")
    String personalData();

    @Message("Special category (sensitive) data")
    String specialData();

    @Message("Criminal offence data")
    String criminalData();

    @Message("Why it is used")
    String purposes();

    @Message("Lawful bases")
    String lawfulBases();

    @Message("Basis")
    String basis();

    @Message("What it means here")
    String whatItMeans();

    @Message("Personal data")
    String appliesToPersonal();

    @Message("Special category data")
    String appliesToSpecial();

    @Message("Criminal offence data")
    String appliesToCriminal();

    @Message("Who it is shared with")
    String recipients();

    @Message("How long it is kept")
    String retention();

    @Message("How long")
    String retentionPeriod();

    @Message("Details")
    String retentionDetail();

    @Message("Not stated as a fixed period")
    String retentionNoPeriod();

    @Message("Access for {recipient}")
    String accessTerm(String recipient);

    @Message("Up to {months} months")
    String accessMonths(int months);

    @Message("then an anonymised dataset is kept")
    String accessThenAnonymised();

    @Message("then the information is destroyed")
    String accessThenDestroyed();

    @Message("then the information is returned")
    String accessThenReturned();

    @Message("Your rights")
    String rights();

    @Message("How it is kept safe")
    String security();

    @Message("Legal framework")
    String legalFramework();

    @Message("Versions of this notice")
    String versions();

    @Message("Version")
    String versionColumn();

    @Message("Status")
    String statusColumn();

    @Message("In force from")
    String inForceFromColumn();

    @Message("In force until")
    String inForceUntilColumn();

    @Message("Version {number}")
    String versionLink(int number);

    @Message("Still in force")
    String stillInForce();

    @Message("In force")
    String statePublished();

    @Message("Replaced")
    String stateSuperseded();

    @Message("Withdrawn")
    String stateRetired();

    @Message("(this version)")
    String thisVersion();

    @Message("Machine-readable notice")
    String machineReadable();

    @Message("This notice as linked data (JSON-LD, W3C Data Privacy Vocabulary)")
    String machineReadableLink();

    @Message("To keep a copy, print this page or save it as a PDF.")
    String print();
}
