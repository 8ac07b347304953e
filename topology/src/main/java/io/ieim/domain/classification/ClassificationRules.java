package io.ieim.domain.classification;

import io.ieim.domain.rules.RulesFormatException;
import io.ieim.domain.rules.RulesYaml;
import io.ieim.spec.AttachmentScanVerdict;
import io.ieim.spec.Intent;
import io.ieim.spec.RiskFlag;
import io.ieim.spec.TextSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The versioned classification rules (spec/rules/classification-v1.yaml), validated and compiled. See
 * the file's header for the format and the scoring formula. Immutable and thread-safe.
 */
public final class ClassificationRules {

    private static final String WHAT = "classification rules";
    private static final Pattern PATTERN_ID = Pattern.compile("(?:de|en|any)(?:\\.[a-z0-9_]+)+");
    private static final Pattern SIMPLE_ID = Pattern.compile("[a-z0-9_]+(?:\\.[a-z0-9_]+)*");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]+");

    // ---- YAML binding (snake_case keys) ----

    record File(String version, Scoring scoring, List<Intent> primaryIntents, List<List<Intent>> conflictPairs,
                Map<Intent, IntentDef> intents, Map<RiskFlag, FlagDef> riskFlags, List<HeaderDef> headers,
                List<AttachmentDef> attachments) {
    }

    record Scoring(Map<TextSource, Double> sourceWeights, List<TextSource> defaultSources,
                   List<TextSource> defaultFlagSources, Double languageMismatchFactor, Double minIntentScore,
                   Double strengthScale, Double marginWeight, Double conflictMargin, Intent noSignalIntent,
                   Double noSignalConfidence, Integer maxScanChars, Integer excerptContext,
                   List<Intent> marginExcludes) {
    }

    record IntentDef(Double threshold, Double minScore, List<PatternDef> patterns, List<PatternDef> negative) {
    }

    record FlagDef(Double threshold, List<TextSource> sources, List<PatternDef> patterns, List<PatternDef> negative) {
    }

    record PatternDef(String id, Double weight, List<String> terms, String regex, List<TextSource> sources) {
    }

    record HeaderDef(String id, String header, String regex, Intent intent, RiskFlag flag, Double weight) {
    }

    record AttachmentDef(String id, Intent intent, RiskFlag flag, Double weight, List<String> extensions,
                         String nameRegex, List<String> mediaTypes, List<String> sha256,
                         List<AttachmentScanVerdict> scanVerdicts) {
    }

    // ---- compiled form ----

    /**
     * A text pattern: its evidence rule id, its language ("de", "en", "any"), signed weight, sources, and
     * either a regex ({@code pattern}) or the index of its terms in {@link #terms()} ({@code termIndex}).
     */
    record TextRule(String ruleId, String language, double weight, Pattern pattern, int termIndex,
                    List<TextSource> sources) {
    }

    /** A header rule; {@code pattern} null means "present". Exactly one of intent and flag is set. */
    record HeaderRule(String ruleId, String header, Pattern pattern, Intent intent, RiskFlag flag, double weight) {
    }

    /** An attachment rule. Exactly one of intent and flag is set. */
    record AttachmentRule(String ruleId, Intent intent, RiskFlag flag, double weight, Set<String> extensions,
                          Pattern namePattern, Set<String> mediaTypes, Set<String> sha256,
                          Set<AttachmentScanVerdict> scanVerdicts) {
    }

    private final String version;
    private final Map<TextSource, Double> sourceWeights;
    private final double languageMismatchFactor;
    private final double minIntentScore;
    private final double strengthScale;
    private final double marginWeight;
    private final double conflictMargin;
    private final Intent noSignalIntent;
    private final double noSignalConfidence;
    private final int maxScanChars;
    private final int excerptContext;
    private final Set<Intent> marginExcludes;
    private final List<Intent> primaryIntents;
    private final Set<Set<Intent>> conflictPairs;
    private final Map<Intent, Double> thresholds;
    private final Map<Intent, Double> minScores;
    private final Map<Intent, List<TextRule>> intentRules;
    private final Map<RiskFlag, Double> flagThresholds;
    private final Map<RiskFlag, List<TextRule>> flagRules;
    private final List<HeaderRule> headerRules;
    private final List<AttachmentRule> attachmentRules;
    private final Terms terms;

    private ClassificationRules(File f) {
        if (f.version() == null || f.version().isBlank()) {
            throw fail("missing 'version'");
        }
        this.version = f.version();
        Scoring s = require(f.scoring(), "scoring");
        Map<TextSource, Double> weights = new EnumMap<>(TextSource.class);
        for (TextSource source : TextSource.values()) {
            Double w = s.sourceWeights() == null ? null : s.sourceWeights().get(source);
            weights.put(source, w == null ? 0.0 : nonNegative(w, "scoring.source_weights." + source));
        }
        this.sourceWeights = Collections.unmodifiableMap(weights);
        List<TextSource> defaultSources = sources(require(s.defaultSources(), "scoring.default_sources"), "scoring.default_sources");
        List<TextSource> defaultFlagSources = sources(require(s.defaultFlagSources(), "scoring.default_flag_sources"),
                "scoring.default_flag_sources");
        this.languageMismatchFactor = unit(require(s.languageMismatchFactor(), "scoring.language_mismatch_factor"),
                "scoring.language_mismatch_factor");
        this.minIntentScore = positive(require(s.minIntentScore(), "scoring.min_intent_score"), "scoring.min_intent_score");
        this.strengthScale = positive(require(s.strengthScale(), "scoring.strength_scale"), "scoring.strength_scale");
        this.marginWeight = unit(require(s.marginWeight(), "scoring.margin_weight"), "scoring.margin_weight");
        this.conflictMargin = unit(require(s.conflictMargin(), "scoring.conflict_margin"), "scoring.conflict_margin");
        this.noSignalIntent = require(s.noSignalIntent(), "scoring.no_signal_intent");
        this.noSignalConfidence = unit(require(s.noSignalConfidence(), "scoring.no_signal_confidence"),
                "scoring.no_signal_confidence");
        this.maxScanChars = require(s.maxScanChars(), "scoring.max_scan_chars");
        if (maxScanChars < 1) {
            throw fail("scoring.max_scan_chars must be positive");
        }
        this.excerptContext = require(s.excerptContext(), "scoring.excerpt_context");
        if (excerptContext < 0 || excerptContext > 40) {
            throw fail("scoring.excerpt_context must be in [0, 40]");
        }

        Set<Intent> excludes = EnumSet.noneOf(Intent.class);
        if (s.marginExcludes() != null) {
            excludes.addAll(s.marginExcludes());
        }
        this.marginExcludes = Collections.unmodifiableSet(excludes);

        List<Intent> primary = require(f.primaryIntents(), "primary_intents");
        if (primary.isEmpty() || new HashSet<>(primary).size() != primary.size() || primary.contains(null)) {
            throw fail("primary_intents must list distinct intents");
        }
        if (!primary.contains(noSignalIntent)) {
            throw fail("scoring.no_signal_intent " + noSignalIntent + " must be in primary_intents");
        }
        this.primaryIntents = List.copyOf(primary);

        Set<Set<Intent>> pairs = new LinkedHashSet<>();
        for (List<Intent> pair : f.conflictPairs() == null ? List.<List<Intent>>of() : f.conflictPairs()) {
            if (pair == null || pair.size() != 2 || pair.get(0) == pair.get(1) || pair.contains(null)) {
                throw fail("conflict pair " + pair + ": needs two different intents");
            }
            if (!primary.containsAll(pair)) {
                throw fail("conflict pair " + pair + ": both intents must be in primary_intents");
            }
            if (!pairs.add(Set.copyOf(pair))) {
                throw fail("conflict pair " + pair + " listed twice");
            }
        }
        this.conflictPairs = Collections.unmodifiableSet(pairs);

        Set<String> ruleIds = new HashSet<>();
        List<List<String>> termLists = new ArrayList<>();
        Map<Intent, IntentDef> intentDefs = require(f.intents(), "intents");
        Map<Intent, Double> th = new EnumMap<>(Intent.class);
        Map<Intent, Double> ms = new EnumMap<>(Intent.class);
        Map<Intent, List<TextRule>> ir = new EnumMap<>(Intent.class);
        for (Intent intent : Intent.values()) {
            IntentDef def = intentDefs.get(intent);
            String prefix = "intent." + intent.name().toLowerCase(Locale.ROOT);
            if (def == null) {
                throw fail("intent " + intent + " has no entry under 'intents' (every intent needs a threshold)");
            }
            th.put(intent, unit(require(def.threshold(), prefix + ".threshold"), prefix + ".threshold"));
            ms.put(intent, def.minScore() == null ? minIntentScore : positive(def.minScore(), prefix + ".min_score"));
            ir.put(intent, textRules(prefix, def.patterns(), def.negative(), defaultSources, ruleIds, termLists));
        }
        this.thresholds = Collections.unmodifiableMap(th);
        this.minScores = Collections.unmodifiableMap(ms);
        this.intentRules = Collections.unmodifiableMap(ir);

        Map<RiskFlag, FlagDef> flagDefs = require(f.riskFlags(), "risk_flags");
        Map<RiskFlag, Double> ft = new EnumMap<>(RiskFlag.class);
        Map<RiskFlag, List<TextRule>> fr = new EnumMap<>(RiskFlag.class);
        for (RiskFlag flag : RiskFlag.values()) {
            FlagDef def = flagDefs.get(flag);
            String prefix = "flag." + flag.name().toLowerCase(Locale.ROOT);
            if (def == null) {
                throw fail("risk flag " + flag + " has no entry under 'risk_flags' (every flag needs a threshold)");
            }
            ft.put(flag, positive(require(def.threshold(), prefix + ".threshold"), prefix + ".threshold"));
            List<TextSource> flagSources = def.sources() == null ? defaultFlagSources : sources(def.sources(), prefix + ".sources");
            fr.put(flag, textRules(prefix, def.patterns(), def.negative(), flagSources, ruleIds, termLists));
        }
        this.flagThresholds = Collections.unmodifiableMap(ft);
        this.flagRules = Collections.unmodifiableMap(fr);

        List<HeaderRule> hr = new ArrayList<>();
        for (HeaderDef h : f.headers() == null ? List.<HeaderDef>of() : f.headers()) {
            String ruleId = "header." + ruleId(h.id(), SIMPLE_ID, "header rule");
            if (!ruleIds.add(ruleId)) {
                throw fail("rule " + ruleId + ": duplicate id");
            }
            if (h.header() == null || h.header().isBlank() || !h.header().equals(h.header().toLowerCase(Locale.ROOT))) {
                throw fail("rule " + ruleId + ": 'header' must be a lower-case header name");
            }
            targetCheck(ruleId, h.intent(), h.flag());
            hr.add(new HeaderRule(ruleId, h.header(), h.regex() == null ? null : compile(ruleId, h.regex()),
                    h.intent(), h.flag(), positive(require(h.weight(), ruleId + ".weight"), ruleId + ".weight")));
        }
        this.headerRules = List.copyOf(hr);

        List<AttachmentRule> ar = new ArrayList<>();
        for (AttachmentDef a : f.attachments() == null ? List.<AttachmentDef>of() : f.attachments()) {
            String ruleId = "attachment." + ruleId(a.id(), SIMPLE_ID, "attachment rule");
            if (!ruleIds.add(ruleId)) {
                throw fail("rule " + ruleId + ": duplicate id");
            }
            targetCheck(ruleId, a.intent(), a.flag());
            Set<String> extensions = lowerSet(a.extensions());
            for (String ext : extensions) {
                if (!EXTENSION.matcher(ext).matches()) {
                    throw fail("rule " + ruleId + ": extension '" + ext + "' must be letters and digits without a dot");
                }
            }
            Set<String> mediaTypes = lowerSet(a.mediaTypes());
            Set<String> sha = lowerSet(a.sha256());
            for (String h : sha) {
                if (!HEX64.matcher(h).matches()) {
                    throw fail("rule " + ruleId + ": '" + h + "' is not a hex SHA-256");
                }
            }
            Pattern name = a.nameRegex() == null ? null : compile(ruleId, a.nameRegex());
            Set<AttachmentScanVerdict> verdicts = a.scanVerdicts() == null || a.scanVerdicts().isEmpty()
                    ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(a.scanVerdicts()));
            if (extensions.isEmpty() && mediaTypes.isEmpty() && sha.isEmpty() && name == null && verdicts.isEmpty()) {
                throw fail("rule " + ruleId + ": needs extensions, name_regex, media_types, sha256 or scan_verdicts");
            }
            ar.add(new AttachmentRule(ruleId, a.intent(), a.flag(),
                    positive(require(a.weight(), ruleId + ".weight"), ruleId + ".weight"), extensions, name, mediaTypes, sha,
                    verdicts));
        }
        this.attachmentRules = List.copyOf(ar);
        this.terms = Terms.of(termLists);
    }

    /** Reads, validates and compiles the rules. */
    public static ClassificationRules load(InputStream in) {
        return new ClassificationRules(RulesYaml.read(in, File.class, WHAT));
    }

    /** Reads, validates and compiles a rules file. */
    public static ClassificationRules load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new RulesFormatException(WHAT + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public String version() {
        return version;
    }

    /** The confidence threshold of an intent as primary (routing rule 7). */
    public double threshold(Intent intent) {
        return thresholds.get(intent);
    }

    /** The score an intent needs to be listed among the mail's intents. */
    public double minScore(Intent intent) {
        return minScores.get(intent);
    }

    /** The score a risk flag needs to be set. */
    public double flagThreshold(RiskFlag flag) {
        return flagThresholds.get(flag);
    }

    /** Intents that may be primary, in tie-break order (on equal scores the one listed first wins). */
    public List<Intent> primaryIntents() {
        return primaryIntents;
    }

    /** Pairs of intents that are in conflict when they are the two best and close. */
    public Set<Set<Intent>> conflictPairs() {
        return conflictPairs;
    }

    /** Every evidence rule id the rules can produce (for documentation and tests). */
    public List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        intentRules.values().forEach(list -> list.forEach(r -> ids.add(r.ruleId())));
        flagRules.values().forEach(list -> list.forEach(r -> ids.add(r.ruleId())));
        headerRules.forEach(r -> ids.add(r.ruleId()));
        attachmentRules.forEach(r -> ids.add(r.ruleId()));
        return List.copyOf(ids);
    }

    double sourceWeight(TextSource source) {
        return sourceWeights.get(source);
    }

    double languageMismatchFactor() {
        return languageMismatchFactor;
    }

    double strengthScale() {
        return strengthScale;
    }

    double marginWeight() {
        return marginWeight;
    }

    double conflictMargin() {
        return conflictMargin;
    }

    /** Intents that never count as the runner-up in the confidence margin (e.g. the catch-all). */
    Set<Intent> marginExcludes() {
        return marginExcludes;
    }

    Intent noSignalIntent() {
        return noSignalIntent;
    }

    double noSignalConfidence() {
        return noSignalConfidence;
    }

    int maxScanChars() {
        return maxScanChars;
    }

    int excerptContext() {
        return excerptContext;
    }

    List<TextRule> intentRules(Intent intent) {
        return intentRules.get(intent);
    }

    List<TextRule> flagRules(RiskFlag flag) {
        return flagRules.get(flag);
    }

    /** The terms of every term-based text rule, matched in one pass per text. */
    Terms terms() {
        return terms;
    }

    List<HeaderRule> headerRules() {
        return headerRules;
    }

    List<AttachmentRule> attachmentRules() {
        return attachmentRules;
    }

    // ---- validation helpers ----

    private static List<TextRule> textRules(String prefix, List<PatternDef> positive, List<PatternDef> negative,
                                            List<TextSource> defaultSources, Set<String> ruleIds,
                                            List<List<String>> termLists) {
        List<TextRule> rules = new ArrayList<>();
        for (int sign : new int[]{1, -1}) {
            List<PatternDef> defs = sign > 0 ? positive : negative;
            for (PatternDef p : defs == null ? List.<PatternDef>of() : defs) {
                if (p == null) {
                    throw fail(prefix + ": empty pattern entry");
                }
                String id = ruleId(p.id(), PATTERN_ID, prefix + " pattern");
                String ruleId = prefix + (sign > 0 ? "." : ".not.") + id;
                if (!ruleIds.add(ruleId)) {
                    throw fail("rule " + ruleId + ": duplicate id");
                }
                double weight = positive(require(p.weight(), ruleId + ".weight"), ruleId + ".weight");
                boolean hasTerms = p.terms() != null && !p.terms().isEmpty();
                if (hasTerms == (p.regex() != null)) {
                    throw fail("rule " + ruleId + ": needs exactly one of 'terms' and 'regex'");
                }
                Pattern pattern = null;
                int termIndex = -1;
                if (hasTerms) {
                    for (String term : p.terms()) {
                        try {
                            Terms.check(term);
                        } catch (IllegalArgumentException e) {
                            throw fail("rule " + ruleId + ": " + e.getMessage());
                        }
                    }
                    termIndex = termLists.size();
                    termLists.add(List.copyOf(p.terms()));
                } else {
                    pattern = compile(ruleId, p.regex());
                }
                List<TextSource> sources = p.sources() == null ? defaultSources : sources(p.sources(), ruleId + ".sources");
                String language = id.substring(0, id.indexOf('.'));
                rules.add(new TextRule(ruleId, language, sign * weight, pattern, termIndex, sources));
            }
        }
        return List.copyOf(rules);
    }

    private static Pattern compile(String ruleId, String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw fail("rule " + ruleId + ": regex does not compile: " + e.getDescription() + " near index " + e.getIndex());
        }
        if (pattern.matcher("").find()) {
            throw fail("rule " + ruleId + ": regex matches the empty text, so it would fire on every mail");
        }
        return pattern;
    }

    private static String ruleId(String id, Pattern format, String what) {
        if (id == null || !format.matcher(id).matches()) {
            throw fail(what + " id '" + id + "' must match " + format.pattern());
        }
        return id;
    }

    private static void targetCheck(String ruleId, Intent intent, RiskFlag flag) {
        if ((intent == null) == (flag == null)) {
            throw fail("rule " + ruleId + ": needs exactly one of 'intent' and 'flag'");
        }
    }

    private static List<TextSource> sources(List<TextSource> sources, String where) {
        if (sources.isEmpty() || sources.contains(null)) {
            throw fail(where + ": must list text sources");
        }
        Set<TextSource> set = EnumSet.noneOf(TextSource.class);
        set.addAll(sources);
        if (set.contains(TextSource.HEADER)) {
            throw fail(where + ": HEADER is read by header rules, not by text patterns");
        }
        return List.copyOf(set); // declaration order of TextSource
    }

    private static Set<String> lowerSet(List<String> values) {
        Set<String> set = new java.util.TreeSet<>();
        if (values != null) {
            for (String v : values) {
                if (v == null || v.isBlank()) {
                    throw fail("empty value in a list");
                }
                set.add(v.strip().toLowerCase(Locale.ROOT));
            }
        }
        return Collections.unmodifiableSet(set);
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw fail("missing '" + what + "'");
        }
        return value;
    }

    private static double positive(double value, String what) {
        if (!Double.isFinite(value) || value <= 0) {
            throw fail(what + " must be a positive number");
        }
        return value;
    }

    private static double nonNegative(double value, String what) {
        if (!Double.isFinite(value) || value < 0) {
            throw fail(what + " must not be negative");
        }
        return value;
    }

    private static double unit(double value, String what) {
        if (!Double.isFinite(value) || value < 0 || value > 1) {
            throw fail(what + " must be in [0, 1]");
        }
        return value;
    }

    private static RulesFormatException fail(String message) {
        return new RulesFormatException(WHAT + ": " + message);
    }
}
