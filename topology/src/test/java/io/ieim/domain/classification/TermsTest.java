package io.ieim.domain.classification;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The term syntax of the rules file. */
class TermsTest {

    private static String find(String term, String text) {
        Terms.Match m = Terms.of(List.of(List.of(term))).firstMatches(Terms.Normalized.of(text))[0];
        return m == null ? null : text.substring(m.start(), m.end());
    }

    @Test
    void wholeWordsCaseInsensitive() {
        assertThat(find("Rechnung", "Anbei die RECHNUNG.")).isEqualTo("RECHNUNG");
        assertThat(find("Rechnung", "Rechnung_Werkstatt.pdf")).isEqualTo("Rechnung");
        assertThat(find("Rechnung", "Bitte die Rechnungsadresse ändern")).isNull();
        assertThat(find("Rechnung", "Werkstattrechnung")).isNull();
        assertThat(find("sue", "I will sue you")).isEqualTo("sue");
        assertThat(find("sue", "the issue is")).isNull();
    }

    @Test
    void wildcardsAtEitherEnd() {
        assertThat(find("kündig*", "ich kündige hiermit")).isEqualTo("kündige");
        assertThat(find("kündig*", "Kündigung")).isEqualTo("Kündigung");
        assertThat(find("kündig*", "Sonderkündigung")).isNull();
        assertThat(find("*kündigung", "Sonderkündigung")).isEqualTo("Sonderkündigung");
        assertThat(find("*kündigung", "Kündigungsfrist")).isNull();
        assertThat(find("*kündig*", "die Sonderkündigungsfrist")).isEqualTo("Sonderkündigungsfrist");
    }

    @Test
    void umlautsAndSharpSMatchTheirTranscriptions() {
        assertThat(find("Kündigung", "KUENDIGUNG")).isEqualTo("KUENDIGUNG");
        assertThat(find("Adressänderung", "Adressaenderung")).isEqualTo("Adressaenderung");
        assertThat(find("Außer Haus", "ausser haus")).isEqualTo("ausser haus");
        assertThat(find("Kündigung", "KÜNDIGUNG")).isEqualTo("KÜNDIGUNG");
    }

    @Test
    void spacesAndHyphensMatchAnySeparatorRun() {
        assertThat(find("Schaden melden", "Schaden\n   melden")).isEqualTo("Schaden\n   melden");
        assertThat(find("Schaden melden", "Schaden-melden")).isEqualTo("Schaden-melden");
        assertThat(find("Kfz-Versicherung", "Kfz Versicherung")).isEqualTo("Kfz Versicherung");
        assertThat(find("Kfz-Versicherung", "Kfz_Versicherung")).isEqualTo("Kfz_Versicherung");
        assertThat(find("out of office", "Out\u00A0of office")).isEqualTo("Out\u00A0of office");
        assertThat(find("Schaden melden", "Schadenmelden")).isNull();
    }

    @Test
    void punctuationIsLiteral() {
        assertThat(find("Art. 15", "nach Art. 15 DSGVO")).isEqualTo("Art. 15");
        assertThat(find("Art. 15", "nach Art 15 DSGVO")).isNull();
        assertThat(find("A&E", "went to A&E")).isEqualTo("A&E");
        assertThat(find("(x)", "a (x) b")).isEqualTo("(x)"); // regex characters are escaped
        assertThat(find("a.b", "axb")).isNull();
    }

    @Test
    void severalRulesAndTermsInOnePass() {
        Terms terms = Terms.of(List.of(List.of("Unfall", "*unfall", "accident"), List.of("Kündigung", "kündig*"),
                List.of("nirgends")));
        String text = "Nach dem Auffahrunfall kündige ich. Unfall!";
        Terms.Match[] m = terms.firstMatches(Terms.Normalized.of(text));
        assertThat(text.substring(m[0].start(), m[0].end())).isEqualTo("Auffahrunfall"); // the leftmost match
        assertThat(text.substring(m[1].start(), m[1].end())).isEqualTo("kündige");
        assertThat(m[2]).isNull();
        assertThat(terms.firstMatches(Terms.Normalized.of("Unfallversicherung"))[0]).isNull();
    }

    @Test
    void overlappingTermsAreAllFound() {
        // classic Aho-Corasick cases: a term inside another, a term spanning a failed longer one
        Terms terms = Terms.of(List.of(List.of("he"), List.of("she"), List.of("hers"), List.of("his")));
        Terms.Match[] m = terms.firstMatches(Terms.Normalized.of("ushers he his she"));
        assertThat(m[0].start()).isEqualTo(7);   // "he" as a word
        assertThat(m[1].start()).isEqualTo(14);  // "she" as a word (not inside "ushers")
        assertThat(m[2]).isNull();               // "hers" only inside "ushers"
        assertThat(m[3].start()).isEqualTo(10);
    }

    @Test
    void spansPointIntoTheOriginalText() {
        String text = "Die Kuendigung\u00AD und Straße";
        assertThat(find("Kündigung", text)).isEqualTo("Kuendigung");
        assertThat(find("Strasse", text)).isEqualTo("Straße");
        assertThat(find("Straße", "die STRASSE")).isEqualTo("STRASSE");
        assertThat(find("Kündigung", "Kün\u00ADdigung")).isEqualTo("Kün\u00ADdigung"); // soft hyphen ignored
        assertThat(find("don't renew", "I don\u2019t renew")).isEqualTo("don\u2019t renew");
    }

    @Test
    void malformedTerms() {
        assertThatThrownBy(() -> Terms.check("kün*dig")).hasMessageContaining("malformed term");
        assertThatThrownBy(() -> Terms.check("*")).hasMessageContaining("malformed term");
        assertThatThrownBy(() -> Terms.check("  ")).hasMessageContaining("malformed term");
        assertThatThrownBy(() -> Terms.check(" - ")).hasMessageContaining("malformed term");
        assertThatThrownBy(() -> Terms.check(null)).hasMessageContaining("empty term");
    }
}
