package org.consentgov.platform.vocabulary;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The controlled vocabulary, loaded once from the classpath. Lookups are by code; an unknown code is
 * an empty Optional so that each service can report it against the field that used it.
 */
@ApplicationScoped
public class Vocabulary {

    static final String RESOURCE = "vocabulary/vocabulary.json";

    private final VocabularyDocument document;
    private final Map<String, VocabularyDocument.DataCategory> categories;
    private final Map<String, VocabularyDocument.LawfulBasis> bases;
    private final Map<String, VocabularyDocument.TransferMethod> transferMethods;
    private final Map<String, VocabularyDocument.Term> purposes;
    private final Map<String, VocabularyDocument.Term> organisationTypes;
    private final Map<String, VocabularyDocument.Term> rights;
    private final Map<String, VocabularyDocument.Term> securityMeasures;
    private final Map<String, VocabularyDocument.Term> legalInstruments;
    private final Map<String, VocabularyDocument.Term> partyRoles;

    public Vocabulary() {
        this(load());
    }

    Vocabulary(VocabularyDocument document) {
        this.document = document;
        this.categories = index(document.dataCategories(), VocabularyDocument.DataCategory::code);
        this.bases = index(document.lawfulBases(), VocabularyDocument.LawfulBasis::code);
        this.transferMethods = index(document.transferMethods(), VocabularyDocument.TransferMethod::code);
        this.purposes = index(document.purposes(), VocabularyDocument.Term::code);
        this.organisationTypes = index(document.organisationTypes(), VocabularyDocument.Term::code);
        this.rights = index(document.rights(), VocabularyDocument.Term::code);
        this.securityMeasures = index(document.securityMeasures(), VocabularyDocument.Term::code);
        this.legalInstruments = index(document.legalInstruments(), VocabularyDocument.Term::code);
        this.partyRoles = index(document.partyRoles(), VocabularyDocument.Term::code);
    }

    public static VocabularyDocument load() {
        ObjectMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return mapper.readValue(in, VocabularyDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("vocabulary could not be read", e);
        }
    }

    public VocabularyDocument document() {
        return document;
    }

    public String version() {
        return document.version();
    }

    public Optional<VocabularyDocument.DataCategory> dataCategory(String code) {
        return Optional.ofNullable(categories.get(code));
    }

    public Optional<VocabularyDocument.LawfulBasis> lawfulBasis(String code) {
        return Optional.ofNullable(bases.get(code));
    }

    public Optional<VocabularyDocument.TransferMethod> transferMethod(String code) {
        return Optional.ofNullable(transferMethods.get(code));
    }

    public Optional<VocabularyDocument.Term> purpose(String code) {
        return Optional.ofNullable(purposes.get(code));
    }

    public Optional<VocabularyDocument.Term> organisationType(String code) {
        return Optional.ofNullable(organisationTypes.get(code));
    }

    public Optional<VocabularyDocument.Term> right(String code) {
        return Optional.ofNullable(rights.get(code));
    }

    public Optional<VocabularyDocument.Term> securityMeasure(String code) {
        return Optional.ofNullable(securityMeasures.get(code));
    }

    public Optional<VocabularyDocument.Term> legalInstrument(String code) {
        return Optional.ofNullable(legalInstruments.get(code));
    }

    public Optional<VocabularyDocument.Term> partyRole(String code) {
        return Optional.ofNullable(partyRoles.get(code));
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> code) {
        return items == null
                ? Map.of()
                : items.stream().collect(Collectors.toUnmodifiableMap(code, Function.identity()));
    }
}
