package org.consentgov.platform.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private final Vocabulary vocabulary = new Vocabulary();

    @Test
    void designExamplesExistWithTheirFlags() {
        assertThat(vocabulary.dataCategory("identity.date-of-birth"))
                .hasValueSatisfying(c -> assertThat(c.special()).isFalse());
        assertThat(vocabulary.dataCategory("special.ethnicity"))
                .hasValueSatisfying(c -> assertThat(c.special()).isTrue());
        assertThat(vocabulary.dataCategory("special.health"))
                .hasValueSatisfying(c -> assertThat(c.special()).isTrue());
        assertThat(vocabulary.dataCategory("criminal.reports-and-antecedents"))
                .hasValueSatisfying(c -> assertThat(c.criminal()).isTrue());
        assertThat(vocabulary.transferMethod("paper"))
                .hasValueSatisfying(t -> assertThat(t.secure()).isFalse());
        assertThat(vocabulary.transferMethod("unsecured-email"))
                .hasValueSatisfying(t -> assertThat(t.secure()).isFalse());
    }

    @Test
    void everyLawfulBasisOfArticleSixAndNineIsThereWithDpvTerms() {
        for (String letter : List.of("a", "b", "c", "d", "e", "f")) {
            assertThat(vocabulary.lawfulBasis("uk-gdpr-6-1-" + letter)).hasValueSatisfying(b -> {
                assertThat(b.kind()).isEqualTo(LawfulBasisKind.ARTICLE_6);
                assertThat(b.dpv()).startsWith("dpv:");
                assertThat(b.conditionFor()).containsExactly(CategoryKind.PERSONAL);
            });
        }
        for (String letter : List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")) {
            assertThat(vocabulary.lawfulBasis("uk-gdpr-9-2-" + letter)).hasValueSatisfying(b -> {
                assertThat(b.kind()).isEqualTo(LawfulBasisKind.ARTICLE_9);
                assertThat(b.conditionFor()).containsExactly(CategoryKind.SPECIAL);
            });
        }
        assertThat(vocabulary.lawfulBasis("uk-gdpr-6-1-a"))
                .hasValueSatisfying(b -> assertThat(b.consent()).isTrue());
        assertThat(vocabulary.lawfulBasis("uk-gdpr-6-1-e"))
                .hasValueSatisfying(b -> assertThat(b.consent()).isFalse());
    }

    @Test
    void codesAreUniqueAndWellFormed() {
        VocabularyDocument doc = vocabulary.document();
        assertThat(doc.version()).isNotBlank();
        List<String> all = Stream.of(
                        doc.dataCategories().stream().map(VocabularyDocument.DataCategory::code),
                        doc.lawfulBases().stream().map(VocabularyDocument.LawfulBasis::code),
                        doc.purposes().stream().map(VocabularyDocument.Term::code),
                        doc.transferMethods().stream().map(VocabularyDocument.TransferMethod::code))
                .flatMap(s -> s)
                .toList();
        assertThat(all).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z0-9][a-z0-9.-]*"));
    }
}
