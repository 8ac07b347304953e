package io.ieim.domain.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    @Test
    void german() {
        assertThat(LanguageDetector.detect(
                "Sehr geehrte Damen und Herren, ich möchte einen Schaden an meinem Auto melden."))
                .contains("de");
    }

    @Test
    void english() {
        assertThat(LanguageDetector.detect(
                "Dear Sir or Madam, I would like to report damage to my car. Kind regards")).contains("en");
    }

    @Test
    void umlautsCountForGerman() {
        assertThat(LanguageDetector.detect("Kündigung Rückgabe Schäden")).contains("de");
    }

    @Test
    void tooShortOrMixedIsUnclear() {
        assertThat(LanguageDetector.detect("KF-20481234")).isEmpty();
        assertThat(LanguageDetector.detect("Hallo")).isEmpty();
        assertThat(LanguageDetector.detect("the and is und der das")).isEmpty();
        assertThat(LanguageDetector.detect(null)).isEmpty();
        assertThat(LanguageDetector.detect("   ")).isEmpty();
    }

    @Test
    void wordsCommonToBothLanguagesDoNotCount() {
        // "in", "was", "so", "an", "die", "will" are frequent in both languages
        assertThat(LanguageDetector.detect("in was so an die will in was so")).isEmpty();
    }

    @Test
    void caseDoesNotMatterAndResultIsStable() {
        String text = "DEAR CUSTOMER, THANK YOU FOR YOUR MESSAGE";
        assertThat(LanguageDetector.detect(text)).contains("en");
        assertThat(LanguageDetector.detect(text)).isEqualTo(LanguageDetector.detect(text));
    }
}
