package io.ieim.domain.classification;

import io.ieim.domain.classification.ClassificationRules.AttachmentRule;
import io.ieim.domain.classification.ClassificationRules.HeaderRule;
import io.ieim.domain.classification.ClassificationRules.TextRule;
import io.ieim.domain.decision.Evidence;
import io.ieim.domain.mail.MailView.AttachmentInfo;
import io.ieim.spec.AuditStage;
import io.ieim.spec.Intent;
import io.ieim.spec.RiskFlag;
import io.ieim.spec.TextSource;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Rule-based classification (issue 3, stage 5): intents, primary intent, risk flags, confidence and
 * evidence from a {@link ClassificationRules} file. Deterministic: rules are applied in file order,
 * scores are summed in a fixed order and rounded, ties are broken by the order of
 * {@code primary_intents}, and {@link StrictMath} keeps the confidence identical on every JVM.
 * Stateless and thread-safe.
 *
 * <p>Scoring (also documented in the rules file): a pattern that finds a match in a source adds
 * {@code weight × source_weight(source) × language factor} to its intent or flag, once per source;
 * negative patterns subtract the same way; header and attachment rules add their weight once; a
 * score below zero counts as zero. Confidence, with {@code s1} the primary's score and {@code s2} the
 * best other intent's score (intents in {@code margin_excludes} do not count): {@code strength = 1 − exp(−s1 / strength_scale)},
 * {@code margin = (s1 − s2) / s1}, {@code confidence = strength × (1 − margin_weight × (1 − margin))},
 * rounded to 4 decimals.
 *
 * <p>Evidence spans point into the texts as classification read them: each source NFC-normalized and cut
 * at {@code max_scan_chars}; ATTACHMENT_NAME is the file names joined by line breaks; a HEADER span points
 * into the header's value. Excerpts are raw text (at most {@link #MAX_EXCERPT} characters) and must be
 * redacted before they leave the domain.
 */
public final class Classifier {

    /** Longest evidence excerpt. */
    public static final int MAX_EXCERPT = 80;

    private static final Intent[] INTENTS = Intent.values();
    private static final RiskFlag[] FLAGS = RiskFlag.values();

    private final ClassificationRules rules;

    public Classifier(ClassificationRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public ClassificationRules rules() {
        return rules;
    }

    /** The scores behind a classification, for explaining and tuning the rules. */
    public record Scores(Map<Intent, Double> intents, Map<RiskFlag, Double> flags) {
        public Scores {
            intents = Collections.unmodifiableMap(new EnumMap<>(intents));
            flags = Collections.unmodifiableMap(new EnumMap<>(flags));
        }
    }

    /** Scores of every intent and flag (rounded), without the decision on top. */
    public Scores scores(ClassificationInput input) {
        Run run = new Run(input);
        run.score();
        Map<Intent, Double> intents = new EnumMap<>(Intent.class);
        Map<RiskFlag, Double> flags = new EnumMap<>(RiskFlag.class);
        for (Intent i : INTENTS) {
            intents.put(i, run.intentScore(i));
        }
        for (RiskFlag f : FLAGS) {
            flags.put(f, run.flagScore(f));
        }
        return new Scores(intents, flags);
    }

    public Classification classify(ClassificationInput input) {
        Objects.requireNonNull(input, "input");
        Run run = new Run(input);
        run.score();
        return run.decide();
    }

    /** One classification: the source texts, the running scores and the evidence. */
    private final class Run {
        private final ClassificationInput input;
        private final Map<TextSource, String> texts = new EnumMap<>(TextSource.class);
        private final double[] intentScores = new double[INTENTS.length];
        private final double[] flagScores = new double[FLAGS.length];
        private final List<Evidence> evidence = new ArrayList<>();
        private final Map<TextSource, Terms.Match[]> termMatches = new EnumMap<>(TextSource.class);
        /** Start offset of each attachment's name in the ATTACHMENT_NAME text. */
        private final int[] attachmentNameStarts;

        Run(ClassificationInput input) {
            this.input = input;
            texts.put(TextSource.SUBJECT, prepare(input.subject()));
            texts.put(TextSource.NEW_TEXT, prepare(input.newText()));
            texts.put(TextSource.QUOTED_TEXT, prepare(input.quotedText()));
            texts.put(TextSource.SENDER, prepare(input.fromAddress()));
            StringBuilder names = new StringBuilder();
            attachmentNameStarts = new int[input.attachments().size()];
            for (int i = 0; i < input.attachments().size(); i++) {
                if (i > 0) {
                    names.append('\n');
                }
                attachmentNameStarts[i] = names.length();
                AttachmentInfo a = input.attachments().get(i);
                String name = a == null || a.fileName() == null ? "" : nfc(a.fileName()).replace('\n', ' ');
                names.append(name);
            }
            texts.put(TextSource.ATTACHMENT_NAME, truncate(names.toString()));
            // text read from attachments by the optional scanning stage (OCR), in attachment order
            StringBuilder extracted = new StringBuilder();
            for (AttachmentInfo a : input.attachments()) {
                if (a != null && a.extractedText() != null && !a.extractedText().isBlank()) {
                    if (!extracted.isEmpty()) {
                        extracted.append("\n\n");
                    }
                    extracted.append(a.extractedText().strip());
                }
            }
            texts.put(TextSource.ATTACHMENT_TEXT, prepare(extracted.toString()));
        }

        void score() {
            for (Intent intent : INTENTS) {
                for (TextRule rule : rules.intentRules(intent)) {
                    intentScores[intent.ordinal()] += applyText(rule);
                }
            }
            for (RiskFlag flag : FLAGS) {
                for (TextRule rule : rules.flagRules(flag)) {
                    flagScores[flag.ordinal()] += applyText(rule);
                }
            }
            for (HeaderRule rule : rules.headerRules()) {
                applyHeader(rule);
            }
            for (AttachmentRule rule : rules.attachmentRules()) {
                applyAttachment(rule);
            }
        }

        /** The rule's contribution (signed), with evidence for each source it matched in. */
        private double applyText(TextRule rule) {
            double sum = 0;
            double language = languageFactor(rule.language());
            for (TextSource source : rule.sources()) {
                double sourceWeight = rules.sourceWeight(source);
                String text = texts.getOrDefault(source, "");
                if (sourceWeight == 0 || text.isEmpty()) {
                    continue;
                }
                int start;
                int end;
                if (rule.pattern() == null) {
                    Terms.Match match = termMatches(source, text)[rule.termIndex()];
                    if (match == null) {
                        continue;
                    }
                    start = match.start();
                    end = match.end();
                } else {
                    Matcher m = rule.pattern().matcher(text);
                    if (!m.find()) {
                        continue;
                    }
                    start = m.start();
                    end = m.end();
                }
                sum += rule.weight() * sourceWeight * language;
                evidence.add(new Evidence(AuditStage.CLASSIFIED, rule.ruleId(), source, start, end, excerpt(text, start, end)));
            }
            return sum;
        }

        /** The first match of every term rule in the source's text (one pass, computed once per source). */
        private Terms.Match[] termMatches(TextSource source, String text) {
            return termMatches.computeIfAbsent(source, s -> rules.terms().firstMatches(Terms.Normalized.of(text)));
        }

        private double languageFactor(String ruleLanguage) {
            String mailLanguage = input.language();
            if ("any".equals(ruleLanguage) || mailLanguage.isEmpty() || mailLanguage.equals(ruleLanguage)) {
                return 1.0;
            }
            return rules.languageMismatchFactor();
        }

        private void applyHeader(HeaderRule rule) {
            String value = input.headers().get(rule.header());
            if (value == null) {
                return;
            }
            String v = truncate(nfc(value));
            int start = 0;
            int end = v.length();
            if (rule.pattern() != null) {
                Matcher m = rule.pattern().matcher(v);
                if (!m.find()) {
                    return;
                }
                start = m.start();
                end = m.end();
            }
            add(rule.intent(), rule.flag(), rule.weight());
            evidence.add(new Evidence(AuditStage.CLASSIFIED, rule.ruleId(), TextSource.HEADER, start, end,
                    clip(rule.header() + ": " + collapse(v))));
        }

        private void applyAttachment(AttachmentRule rule) {
            List<AttachmentInfo> attachments = input.attachments();
            for (int i = 0; i < attachments.size(); i++) {
                AttachmentInfo a = attachments.get(i);
                if (a == null) {
                    continue;
                }
                String why = attachmentMatch(rule, a);
                if (why != null) {
                    add(rule.intent(), rule.flag(), rule.weight());
                    String name = a.fileName() == null ? "" : nfc(a.fileName()).replace('\n', ' ');
                    int start = Math.min(attachmentNameStarts[i], texts.get(TextSource.ATTACHMENT_NAME).length());
                    int end = Math.min(start + name.length(), texts.get(TextSource.ATTACHMENT_NAME).length());
                    evidence.add(new Evidence(AuditStage.CLASSIFIED, rule.ruleId(), TextSource.ATTACHMENT_NAME,
                            start, end, clip(why)));
                    return; // once per rule
                }
            }
        }

        /** Why the attachment matches the rule (the excerpt), or null. */
        private String attachmentMatch(AttachmentRule rule, AttachmentInfo a) {
            String name = a.fileName() == null ? "" : nfc(a.fileName());
            String cleaned = stripTrailingDotsAndSpaces(name.toLowerCase(Locale.ROOT));
            if (!rule.extensions().isEmpty() && !cleaned.isEmpty()) {
                int dot = cleaned.lastIndexOf('.');
                String ext = dot < 0 ? "" : cleaned.substring(dot + 1).strip();
                if (rule.extensions().contains(ext)) {
                    return name;
                }
            }
            if (rule.namePattern() != null && !name.isEmpty() && rule.namePattern().matcher(name).find()) {
                return name;
            }
            if (!rule.mediaTypes().isEmpty()) {
                for (String type : new String[]{a.sniffedMediaType(), a.declaredMediaType()}) {
                    String t = mediaType(type);
                    if (t != null && rule.mediaTypes().contains(t)) {
                        return name + " [" + t + "]";
                    }
                }
            }
            if (!rule.sha256().isEmpty() && a.sha256() != null
                    && rule.sha256().contains(a.sha256().strip().toLowerCase(Locale.ROOT))) {
                return name + " [sha256 " + a.sha256().strip().toLowerCase(Locale.ROOT).substring(0, 12) + "]";
            }
            if (a.scanVerdict() != null && rule.scanVerdicts().contains(a.scanVerdict())) {
                return name + " [" + a.scanVerdict() + (a.scanSignature() == null ? "" : ": " + a.scanSignature()) + "]";
            }
            return null;
        }

        private void add(Intent intent, RiskFlag flag, double weight) {
            if (intent != null) {
                intentScores[intent.ordinal()] += weight;
            } else {
                flagScores[flag.ordinal()] += weight;
            }
        }

        double intentScore(Intent intent) {
            return round(Math.max(0, intentScores[intent.ordinal()]), 6);
        }

        double flagScore(RiskFlag flag) {
            return round(Math.max(0, flagScores[flag.ordinal()]), 6);
        }

        Classification decide() {
            // risk flags: score at or above the flag's threshold; sorted by name
            List<RiskFlag> flags = new ArrayList<>();
            for (RiskFlag flag : FLAGS) {
                if (flagScore(flag) >= rules.flagThreshold(flag)) {
                    flags.add(flag);
                }
            }
            flags.sort(Comparator.comparing(Enum::name));

            // primary: the best primary-capable intent that reaches its minimum score; ties by list order
            Intent primary = null;
            Intent runnerUp = null;
            for (Intent candidate : rules.primaryIntents()) {
                double s = intentScore(candidate);
                if (s < rules.minScore(candidate)) {
                    continue;
                }
                if (primary == null || s > intentScore(primary)) {
                    runnerUp = primary;
                    primary = candidate;
                } else if (runnerUp == null || s > intentScore(runnerUp)) {
                    runnerUp = candidate;
                }
            }

            double confidence;
            boolean conflict = false;
            List<Evidence> extra = new ArrayList<>();
            if (primary == null) {
                primary = rules.noSignalIntent();
                confidence = rules.noSignalConfidence();
                extra.add(new Evidence(AuditStage.CLASSIFIED, "classification.no_signal", null, -1, -1, null));
            } else {
                double s1 = intentScore(primary);
                double s2 = 0;
                for (Intent other : INTENTS) {
                    if (other != primary && !rules.marginExcludes().contains(other)) {
                        s2 = Math.max(s2, intentScore(other));
                    }
                }
                double strength = 1 - StrictMath.exp(-s1 / rules.strengthScale());
                double margin = Math.max(0, (s1 - s2) / s1);
                confidence = round(strength * (1 - rules.marginWeight() * (1 - margin)), 4);
                if (runnerUp != null && rules.conflictPairs().contains(Set.of(primary, runnerUp))) {
                    double s2p = intentScore(runnerUp);
                    conflict = (s1 - s2p) / s1 < rules.conflictMargin();
                    if (conflict) {
                        extra.add(new Evidence(AuditStage.CLASSIFIED, "classification.conflict", null, -1, -1,
                                primary.name() + " vs " + runnerUp.name()));
                    }
                }
            }
            boolean belowThreshold = confidence < rules.threshold(primary);

            // intents: the primary first, then every intent reaching its minimum score, by score and name
            final Intent p = primary;
            List<Intent> others = new ArrayList<>();
            for (Intent intent : INTENTS) {
                if (intent != p && intentScore(intent) >= rules.minScore(intent)) {
                    others.add(intent);
                }
            }
            others.sort(Comparator.comparingDouble((Intent i) -> -intentScore(i)).thenComparing(Enum::name));
            List<Intent> intents = new ArrayList<>();
            intents.add(p);
            intents.addAll(others);

            List<Evidence> all = new ArrayList<>(evidence);
            all.addAll(extra);
            all.sort(Comparator.comparing(Evidence::ruleId)
                    .thenComparing(e -> e.source() == null ? "" : e.source().name())
                    .thenComparingInt(Evidence::start));
            return new Classification(p, intents, flags, confidence, belowThreshold, conflict, all);
        }

        private String prepare(String text) {
            return truncate(nfc(text == null ? "" : text));
        }

        private String truncate(String text) {
            int max = rules.maxScanChars();
            if (text.length() <= max) {
                return text;
            }
            int cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
            return text.substring(0, cut);
        }

        private String excerpt(String text, int start, int end) {
            int context = rules.excerptContext();
            int from = Math.max(0, start - context);
            int to = Math.min(text.length(), end + context);
            String around = collapse(text.substring(from, to));
            if (around.length() <= MAX_EXCERPT) {
                return around;
            }
            return clip(collapse(text.substring(start, end)));
        }
    }

    private static String nfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static String collapse(String text) {
        return text.replaceAll("[\\s\\p{Z}]+", " ").strip();
    }

    private static String clip(String text) {
        if (text.length() <= MAX_EXCERPT) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(MAX_EXCERPT - 1)) ? MAX_EXCERPT - 1 : MAX_EXCERPT;
        return text.substring(0, cut);
    }

    private static String stripTrailingDotsAndSpaces(String name) {
        int end = name.length();
        while (end > 0 && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1)))) {
            end--;
        }
        return name.substring(0, end);
    }

    /** "Application/PDF; name=x" → "application/pdf"; null when absent. */
    private static String mediaType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static double round(double value, int decimals) {
        double scale = decimals == 4 ? 1e4 : 1e6;
        return Math.round(value * scale) / scale;
    }
}
