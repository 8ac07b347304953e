package io.ieim.domain.signals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WrittenDatesTest {

    private static String iso(String text) {
        var all = WrittenDates.findAll(text);
        assertThat(all).as(text).hasSize(1);
        return all.get(0).iso();
    }

    @Test
    void numericFormatsAreDayFirst() {
        assertThat(iso("03.04.1981")).isEqualTo("1981-04-03");
        assertThat(iso("am 3.4.1981 passiert")).isEqualTo("1981-04-03");
        assertThat(iso("03. 04. 1981")).isEqualTo("1981-04-03");
        assertThat(iso("03/04/1981")).isEqualTo("1981-04-03");
        assertThat(iso("03-04-1981")).isEqualTo("1981-04-03");
        assertThat(iso("1981-04-03")).isEqualTo("1981-04-03");
    }

    @Test
    void monthFirstOnlyWhenTheDayCannotBeAMonth() {
        assertThat(iso("04/23/1981")).isEqualTo("1981-04-23");
        assertThat(WrittenDates.findAll("23.13.1981")).isEmpty();
    }

    @Test
    void monthNamesInGermanAndEnglish() {
        assertThat(iso("3. April 1981")).isEqualTo("1981-04-03");
        assertThat(iso("3. März 1981")).isEqualTo("1981-03-03");
        assertThat(iso("3rd of April 1981")).isEqualTo("1981-04-03");
        assertThat(iso("April 3, 1981")).isEqualTo("1981-04-03");
        assertThat(iso("3 Dez. 1999")).isEqualTo("1999-12-03");
    }

    @Test
    void notDates() {
        assertThat(WrittenDates.findAll("31.02.1981")).isEmpty();
        assertThat(WrittenDates.findAll("03.04.81")).isEmpty();
        assertThat(WrittenDates.findAll("SC-2026-004512")).isEmpty();
        assertThat(WrittenDates.findAll("10.000,50 EUR")).isEmpty();
        assertThat(WrittenDates.findAll("03.04.1881")).isEmpty();
    }

    @Test
    void offsetsPointAtTheWrittenDate() {
        String text = "Unfall am 03.04.2026 gegen 10 Uhr";
        var d = WrittenDates.findAll(text).get(0);

        assertThat(text.substring(d.start(), d.end())).isEqualTo("03.04.2026");
    }

    @Test
    void birthDatesNeedAMarker() {
        assertThat(WrittenDates.birthDates("geb. am 03.04.1981")).hasSize(1);
        assertThat(WrittenDates.birthDates("Geburtsdatum: 03.04.1981")).hasSize(1);
        assertThat(WrittenDates.birthDates("born on 3 April 1981")).hasSize(1);
        assertThat(WrittenDates.birthDates("date of birth is 1981-04-03")).hasSize(1);
        assertThat(WrittenDates.birthDates("DOB 03/04/1981")).hasSize(1);
        assertThat(WrittenDates.birthDates("Schaden am 03.04.1981")).isEmpty();
        assertThat(WrittenDates.birthDates("geb. Musterfrau, Unfall am 03.04.2026")).isEmpty();
        assertThat(WrittenDates.birthDates("Geburtsdatum:\n03.04.1981")).isEmpty();
    }
}
