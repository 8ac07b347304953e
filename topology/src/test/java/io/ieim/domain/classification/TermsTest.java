package io.ieim.domain.classification;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The term syntax of the rules file. */
class TermsTest {

    private static String find(String term, String text) {
        Matcher m = Terms.compile(List.of(term)).matcher(text);
        return m.find() ? m.group() : null;
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
    void severalTermsInOnePattern() {
        Pattern p = Terms.compile(List.of("Unfall", "*unfall", "accident"));
        assertThat(p.matcher("Auffahrunfall").find()).isTrue();
        assertThat(p.matcher("an accident").find()).isTrue();
        assertThat(p.matcher("Unfallversicherung").find()).isFalse();
    }

    @Test
    void malformedTerms() {
        assertThatThrownBy(() -> Terms.regexOf("kün*dig")).hasMessageContaining("malformed term");
        assertThatThrownBy(() -> Terms.regexOf("*")).hasMessageContaining("malformed term");
        assertThatThrownBy(() -> Terms.regexOf("  ")).hasMessageContaining("malformed term");
        assertThatThrownBy(() -> Terms.regexOf(null)).hasMessageContaining("empty term");
    }
}
