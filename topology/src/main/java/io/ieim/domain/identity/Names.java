package io.ieim.domain.identity;

import java.text.Normalizer;
import java.util.Locale;

/** Name normalization shared by the index builder and the resolver, so both compare the same key. */
public final class Names {

    private Names() {
    }

    /**
     * Lower case, accents folded (Müller and Mueller stay distinct: umlauts become ae/oe/ue first),
     * punctuation removed, whitespace collapsed, tokens kept in written order.
     */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String s = name.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replaceAll("[^\\p{L}\\p{N} ]", " ").replaceAll("\\s+", " ").trim();
        return s;
    }
}
