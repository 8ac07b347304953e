package io.ieim.domain.identity;

import io.ieim.domain.identity.IdentityRecords.ClaimRecord;
import io.ieim.domain.identity.IdentityRecords.CustomerRecord;
import io.ieim.domain.identity.IdentityRecords.PolicyRecord;
import io.ieim.domain.identity.IdentityResolution.Candidate;
import io.ieim.domain.signals.Signal;
import io.ieim.domain.signals.SignalKind;
import io.ieim.spec.IdentityStatus;
import io.ieim.spec.TextSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Identity resolution of contract §4 ("never guess"): which customer, policy and claim a mail is about.
 * Pure and deterministic: the result depends only on the signals and on the directory's records, and
 * every list in it is sorted. Linking a mail to the wrong customer is the worst error, so every doubt
 * ends as {@code AMBIGUOUS} or {@code NOT_FOUND}.
 *
 * <h2>Which signals count</h2>
 * <ul>
 *   <li>References (claim, policy and customer numbers, canonical form) from {@code SUBJECT},
 *       {@code NEW_TEXT} (forwarded content is new text), {@code ATTACHMENT_NAME} and
 *       {@code ATTACHMENT_TEXT} are the mail's own references. References from {@code QUOTED_TEXT} are
 *       used only when the mail has no own reference at all (not even one that matches nothing).
 *       Reference signals from any other source ({@code SENDER}, {@code HEADER}, none) are ignored:
 *       the contract names subject, body and attachment names only.</li>
 *   <li>The sender address ({@code SENDER_ADDRESS}, compared lower-cased and trimmed) from any source but
 *       {@code QUOTED_TEXT}: a quoted "From:" is somebody else's earlier mail.</li>
 *   <li>{@code PERSON_NAME} (compared by {@link Names#normalize}), {@code DATE_OF_BIRTH} (ISO date) and
 *       {@code POSTAL_CODE} (compared upper-cased without spaces) from any source. A name alone never
 *       identifies anybody.</li>
 * </ul>
 *
 * <h2>Decision</h2>
 * <ol>
 *   <li>Every used reference is looked up exactly (no fuzzy matching: a policy number with one wrong
 *       digit is a different, unknown policy). References that do not exist are listed in
 *       {@code unmatchedReferences} (canonical, sorted, de-duplicated) whatever the outcome.</li>
 *   <li>An existing claim leads to its policy's customer, an existing policy to its customer, an existing
 *       customer number to that customer. Leads to two or more different customers (including a claim and
 *       a policy of different customers) give {@code AMBIGUOUS} ({@code conflicting-references}), with no
 *       customer, policy or claim filled.</li>
 *   <li>Leads to one customer give {@code CONFIRMED} with that customer. The claim is filled when exactly
 *       one distinct claim was referenced, and then the policy is that claim's policy; otherwise the
 *       policy is filled when exactly one distinct policy is implied by the claim and policy references;
 *       when only customer numbers were referenced, the policy is filled when the customer has exactly
 *       one {@code ACTIVE} policy. The reason names the strongest reference kind ({@code claim-reference},
 *       {@code policy-reference}, {@code customer-reference}).</li>
 *   <li>The reference wins over the sender address: a sender address owned by another customer does not
 *       change the customer (a mail about one's spouse's policy, a new address, a broker). The mismatch is
 *       recorded as {@code sender-address-other-customer} in the resolved candidate's matched signals, and
 *       the address owners are listed as candidates with their (lower) address score.</li>
 *   <li>Incomplete identity data is reported, never completed by guessing. A claim whose policy is missing
 *       from the directory, or a policy without customer, leads to no customer: if no reference leads to
 *       a customer, the result is {@code NOT_FOUND} with reason {@code policy-record-missing} and the claim
 *       (or policy) that exists filled. A policy whose customer record is missing leads to that customer
 *       id, but without its record the customer is not known: {@code NOT_FOUND} with reason
 *       {@code customer-record-missing}, customer empty, the claim and policy filled. In both cases the
 *       sender address and name are not used instead: an existing reference pointing elsewhere is the
 *       best evidence there is, and falling back could link the wrong customer. A claim without policy
 *       next to references that do lead to one customer is ignored (it is not filled, it does not
 *       conflict).</li>
 *   <li>No existing reference: the owners of the sender address and the customers whose normalized name
 *       equals a {@code PERSON_NAME} signal and whose date of birth or postal code equals a
 *       {@code DATE_OF_BIRTH} / {@code POSTAL_CODE} signal are considered. Several address owners give
 *       {@code AMBIGUOUS} ({@code shared-sender-address}); one owner gives {@code PROBABLE}
 *       ({@code sender-address}) unless a name match points to another customer, which gives
 *       {@code AMBIGUOUS} ({@code conflicting-signals}); without an owner, one name match gives
 *       {@code PROBABLE} ({@code name-and-date-of-birth}, or {@code name-and-postal-code} when only the
 *       postal code matched) and several give {@code AMBIGUOUS} ({@code ambiguous-name}). The policy of a
 *       {@code PROBABLE} customer is filled only when the customer has exactly one {@code ACTIVE} policy.</li>
 *   <li>Otherwise {@code NOT_FOUND}: {@code unmatched-reference} when a reference matched nothing, else
 *       {@code no-signal}.</li>
 * </ol>
 *
 * <h2>Candidates</h2>
 * Every customer considered, sorted by id, with the score of its strongest signal ({@link #SCORE_REFERENCE},
 * {@link #SCORE_SENDER_UNIQUE}, {@link #SCORE_SENDER_SHARED}, {@link #SCORE_NAME_DATE_OF_BIRTH},
 * {@link #SCORE_NAME_POSTAL_CODE}; {@link #SCORE_RECORD_MISSING} for a referenced customer id without
 * record) and the matched signals as {@code KIND@SOURCE} (never the values) plus markers
 * ({@link #MARKER_SENDER_OTHER_CUSTOMER}, {@link #MARKER_CUSTOMER_RECORD_MISSING}), sorted.
 *
 * <h2>Snapshot digest</h2>
 * Lowercase hex SHA-256 over the canonical serialization of exactly the records the resolver read
 * (every record returned by a lookup, including the customers behind address and name index hits and
 * the policies listed for a customer), sorted by type ({@code claim}, {@code customer}, {@code policy})
 * then id, every field length-prefixed (see {@link #canonicalRecord}). A change of any consulted record
 * changes the digest; records not consulted do not enter it.
 */
public final class IdentityResolver {

    public static final double SCORE_REFERENCE = 1.0;
    public static final double SCORE_SENDER_UNIQUE = 0.7;
    public static final double SCORE_NAME_DATE_OF_BIRTH = 0.6;
    public static final double SCORE_NAME_POSTAL_CODE = 0.5;
    public static final double SCORE_SENDER_SHARED = 0.4;
    public static final double SCORE_RECORD_MISSING = 0.0;

    public static final String REASON_CLAIM_REFERENCE = "claim-reference";
    public static final String REASON_POLICY_REFERENCE = "policy-reference";
    public static final String REASON_CUSTOMER_REFERENCE = "customer-reference";
    public static final String REASON_CONFLICTING_REFERENCES = "conflicting-references";
    public static final String REASON_POLICY_RECORD_MISSING = "policy-record-missing";
    public static final String REASON_CUSTOMER_RECORD_MISSING = "customer-record-missing";
    public static final String REASON_SENDER_ADDRESS = "sender-address";
    public static final String REASON_SHARED_SENDER_ADDRESS = "shared-sender-address";
    public static final String REASON_CONFLICTING_SIGNALS = "conflicting-signals";
    public static final String REASON_NAME_AND_DATE_OF_BIRTH = "name-and-date-of-birth";
    public static final String REASON_NAME_AND_POSTAL_CODE = "name-and-postal-code";
    public static final String REASON_AMBIGUOUS_NAME = "ambiguous-name";
    public static final String REASON_UNMATCHED_REFERENCE = "unmatched-reference";
    public static final String REASON_NO_SIGNAL = "no-signal";

    /** In a referenced customer's matched signals: the sender address belongs to other customer(s) only. */
    public static final String MARKER_SENDER_OTHER_CUSTOMER = "sender-address-other-customer";
    /** In a candidate's matched signals: a policy names this customer id, but it has no record. */
    public static final String MARKER_CUSTOMER_RECORD_MISSING = "customer-record-missing";

    private static final Set<TextSource> OWN_REFERENCE_SOURCES = EnumSet.of(
            TextSource.SUBJECT, TextSource.NEW_TEXT, TextSource.ATTACHMENT_NAME, TextSource.ATTACHMENT_TEXT);

    /** Resolves the identity of one mail from its signals against the directory. */
    public IdentityResolution resolve(List<Signal> signals, IdentityDirectory directory) {
        Objects.requireNonNull(directory, "directory");
        List<Signal> all = signals == null ? List.of()
                : signals.stream().filter(s -> s != null && s.kind() != null && s.value() != null).toList();
        Lookup lookup = new Lookup(directory);

        SortedMap<RefKey, SortedSet<String>> references = usedReferences(all);
        SortedSet<String> unmatched = new TreeSet<>();
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<RefKey, SortedSet<String>> e : references.entrySet()) {
            Optional<Hit> hit = lookUp(e.getKey(), e.getValue(), lookup);
            if (hit.isPresent()) {
                hits.add(hit.get());
            } else {
                unmatched.add(e.getKey().value());
            }
        }
        SortedMap<String, SortedSet<String>> senderOwners = senderOwners(all, lookup);

        Outcome outcome = hits.isEmpty()
                ? withoutReference(all, senderOwners, unmatched, lookup)
                : fromReferences(hits, senderOwners, lookup);
        return new IdentityResolution(outcome.status, outcome.customerId, outcome.policyId, outcome.claimId,
                List.copyOf(unmatched), outcome.candidates.build(), outcome.reason, lookup.digest());
    }

    // ---------------------------------------------------------------- references

    private static SortedMap<RefKey, SortedSet<String>> usedReferences(List<Signal> all) {
        SortedMap<RefKey, SortedSet<String>> own = new TreeMap<>();
        SortedMap<RefKey, SortedSet<String>> quoted = new TreeMap<>();
        for (Signal s : all) {
            if (!s.kind().isReference()) {
                continue;
            }
            String value = s.value().trim().toUpperCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            SortedMap<RefKey, SortedSet<String>> target;
            if (OWN_REFERENCE_SOURCES.contains(s.source())) {
                target = own;
            } else if (s.source() == TextSource.QUOTED_TEXT) {
                target = quoted;
            } else {
                continue;
            }
            target.computeIfAbsent(new RefKey(s.kind(), value), k -> new TreeSet<>()).add(describe(s));
        }
        return own.isEmpty() ? quoted : own;
    }

    private static Optional<Hit> lookUp(RefKey ref, SortedSet<String> descriptors, Lookup lookup) {
        switch (ref.kind()) {
            case CLAIM_NUMBER -> {
                Optional<ClaimRecord> claim = lookup.claim(ref.value());
                if (claim.isEmpty()) {
                    return Optional.empty();
                }
                Optional<PolicyRecord> policy = lookup.policy(claim.get().policyId());
                String customerId = policy.map(PolicyRecord::customerId).orElse(null);
                boolean known = customerId != null && lookup.customer(customerId).isPresent();
                return Optional.of(new Hit(ref.kind(), descriptors, claim.get().claimId(),
                        policy.map(PolicyRecord::policyId).orElse(null), customerId, known));
            }
            case POLICY_NUMBER -> {
                Optional<PolicyRecord> policy = lookup.policy(ref.value());
                if (policy.isEmpty()) {
                    return Optional.empty();
                }
                String customerId = policy.get().customerId();
                boolean known = customerId != null && lookup.customer(customerId).isPresent();
                return Optional.of(new Hit(ref.kind(), descriptors, null, policy.get().policyId(), customerId,
                        known));
            }
            case CUSTOMER_NUMBER -> {
                return lookup.customer(ref.value())
                        .map(c -> new Hit(ref.kind(), descriptors, null, null, c.customerId(), true));
            }
            default -> throw new IllegalArgumentException("not a reference kind: " + ref.kind());
        }
    }

    private static Outcome fromReferences(List<Hit> hits, SortedMap<String, SortedSet<String>> senderOwners,
                                          Lookup lookup) {
        SortedSet<String> leads = new TreeSet<>();
        for (Hit h : hits) {
            if (h.customerId() != null) {
                leads.add(h.customerId());
            }
        }
        Candidates candidates = new Candidates();
        for (Hit h : hits) {
            if (h.customerId() != null) {
                candidates.add(h.customerId(), h.customerKnown() ? SCORE_REFERENCE : SCORE_RECORD_MISSING,
                        h.descriptors());
                if (!h.customerKnown()) {
                    candidates.mark(h.customerId(), MARKER_CUSTOMER_RECORD_MISSING);
                }
            }
        }
        candidates.addSenderOwners(senderOwners, leads);

        if (leads.size() >= 2) {
            return new Outcome(IdentityStatus.AMBIGUOUS, null, null, null, REASON_CONFLICTING_REFERENCES,
                    candidates);
        }
        if (leads.isEmpty()) {
            // every hit is a claim whose policy is missing (or a policy without customer): fill what exists
            SortedSet<String> claims = new TreeSet<>();
            SortedSet<String> policies = new TreeSet<>();
            for (Hit h : hits) {
                if (h.claimId() != null) {
                    claims.add(h.claimId());
                }
                if (h.policyId() != null) {
                    policies.add(h.policyId());
                }
            }
            return new Outcome(IdentityStatus.NOT_FOUND, null, only(policies), only(claims),
                    REASON_POLICY_RECORD_MISSING, candidates);
        }

        String customerId = leads.first();
        List<Hit> forCustomer = hits.stream().filter(h -> customerId.equals(h.customerId())).toList();
        boolean known = forCustomer.get(0).customerKnown();
        SortedSet<String> claims = new TreeSet<>();
        SortedSet<String> policies = new TreeSet<>();
        for (Hit h : forCustomer) {
            if (h.kind() == SignalKind.CLAIM_NUMBER) {
                claims.add(h.claimId());
            }
            if (h.policyId() != null) {
                policies.add(h.policyId());
            }
        }
        String claimId = only(claims);
        String policyId;
        if (claimId != null) {
            policyId = forCustomer.stream().filter(h -> claimId.equals(h.claimId()))
                    .map(Hit::policyId).findFirst().orElse(null);
        } else if (!policies.isEmpty()) {
            policyId = only(policies);
        } else {
            policyId = known ? singleActivePolicy(customerId, lookup) : null;
        }
        if (!known) {
            return new Outcome(IdentityStatus.NOT_FOUND, null, policyId, claimId, REASON_CUSTOMER_RECORD_MISSING,
                    candidates);
        }
        String reason;
        if (!claims.isEmpty()) {
            reason = REASON_CLAIM_REFERENCE;
        } else if (!policies.isEmpty()) {
            reason = REASON_POLICY_REFERENCE;
        } else {
            reason = REASON_CUSTOMER_REFERENCE;
        }
        return new Outcome(IdentityStatus.CONFIRMED, customerId, policyId, claimId, reason, candidates);
    }

    // ---------------------------------------------------------------- no existing reference

    private static Outcome withoutReference(List<Signal> all, SortedMap<String, SortedSet<String>> senderOwners,
                                            SortedSet<String> unmatched, Lookup lookup) {
        SortedMap<String, NameMatch> nameMatches = nameMatches(all, lookup);
        Candidates candidates = new Candidates();
        candidates.addSenderOwners(senderOwners, Set.of());
        nameMatches.forEach((id, m) -> candidates.add(id, m.score(), m.descriptors));

        if (senderOwners.size() >= 2) {
            return new Outcome(IdentityStatus.AMBIGUOUS, null, null, null, REASON_SHARED_SENDER_ADDRESS,
                    candidates);
        }
        if (senderOwners.size() == 1) {
            String owner = senderOwners.firstKey();
            boolean nameElsewhere = nameMatches.keySet().stream().anyMatch(id -> !id.equals(owner));
            if (nameElsewhere) {
                return new Outcome(IdentityStatus.AMBIGUOUS, null, null, null, REASON_CONFLICTING_SIGNALS,
                        candidates);
            }
            return new Outcome(IdentityStatus.PROBABLE, owner, singleActivePolicy(owner, lookup), null,
                    REASON_SENDER_ADDRESS, candidates);
        }
        if (nameMatches.size() == 1) {
            String id = nameMatches.firstKey();
            String reason = nameMatches.get(id).dateOfBirth ? REASON_NAME_AND_DATE_OF_BIRTH
                    : REASON_NAME_AND_POSTAL_CODE;
            return new Outcome(IdentityStatus.PROBABLE, id, singleActivePolicy(id, lookup), null, reason,
                    candidates);
        }
        if (nameMatches.size() >= 2) {
            return new Outcome(IdentityStatus.AMBIGUOUS, null, null, null, REASON_AMBIGUOUS_NAME, candidates);
        }
        return new Outcome(IdentityStatus.NOT_FOUND, null, null, null,
                unmatched.isEmpty() ? REASON_NO_SIGNAL : REASON_UNMATCHED_REFERENCE, candidates);
    }

    private static SortedMap<String, SortedSet<String>> senderOwners(List<Signal> all, Lookup lookup) {
        SortedMap<String, SortedSet<String>> owners = new TreeMap<>();
        for (Signal s : all) {
            if (s.kind() != SignalKind.SENDER_ADDRESS || s.source() == TextSource.QUOTED_TEXT) {
                continue;
            }
            String address = s.value().trim().toLowerCase(Locale.ROOT);
            if (address.isEmpty()) {
                continue;
            }
            for (String id : lookup.customerIdsByEmail(address)) {
                // the record is read so that the digest pins the address owners
                if (lookup.customer(id).isPresent()) {
                    owners.computeIfAbsent(id, k -> new TreeSet<>()).add(describe(s));
                }
            }
        }
        return owners;
    }

    private static SortedMap<String, NameMatch> nameMatches(List<Signal> all, Lookup lookup) {
        SortedMap<String, SortedSet<String>> names = new TreeMap<>();
        Map<LocalDate, SortedSet<String>> dates = new TreeMap<>();
        Map<String, SortedSet<String>> postalCodes = new TreeMap<>();
        for (Signal s : all) {
            switch (s.kind()) {
                case PERSON_NAME -> {
                    String name = Names.normalize(s.value());
                    if (!name.isEmpty()) {
                        names.computeIfAbsent(name, k -> new TreeSet<>()).add(describe(s));
                    }
                }
                case DATE_OF_BIRTH -> {
                    try {
                        dates.computeIfAbsent(LocalDate.parse(s.value().trim()), k -> new TreeSet<>())
                                .add(describe(s));
                    } catch (DateTimeParseException e) {
                        // not an ISO date: cannot match anything
                    }
                }
                case POSTAL_CODE -> {
                    String code = postalKey(s.value());
                    if (!code.isEmpty()) {
                        postalCodes.computeIfAbsent(code, k -> new TreeSet<>()).add(describe(s));
                    }
                }
                default -> {
                }
            }
        }
        SortedMap<String, NameMatch> matches = new TreeMap<>();
        if (names.isEmpty() || (dates.isEmpty() && postalCodes.isEmpty())) {
            return matches; // a name alone identifies nobody: do not even look
        }
        for (Map.Entry<String, SortedSet<String>> name : names.entrySet()) {
            for (String id : lookup.customerIdsByName(name.getKey())) {
                Optional<CustomerRecord> customer = lookup.customer(id);
                if (customer.isEmpty() || !Names.normalize(customer.get().fullName()).equals(name.getKey())) {
                    continue;
                }
                CustomerRecord c = customer.get();
                SortedSet<String> dob = c.dateOfBirth() == null ? null : dates.get(c.dateOfBirth());
                SortedSet<String> postal = c.postalCode() == null ? null : postalCodes.get(postalKey(c.postalCode()));
                if (dob == null && postal == null) {
                    continue;
                }
                NameMatch m = matches.computeIfAbsent(c.customerId(), k -> new NameMatch());
                m.descriptors.addAll(name.getValue());
                if (dob != null) {
                    m.dateOfBirth = true;
                    m.descriptors.addAll(dob);
                }
                if (postal != null) {
                    m.postalCode = true;
                    m.descriptors.addAll(postal);
                }
            }
        }
        return matches;
    }

    private static String singleActivePolicy(String customerId, Lookup lookup) {
        List<PolicyRecord> active = lookup.policiesOfCustomer(customerId).stream()
                .filter(PolicyRecord::active).toList();
        return active.size() == 1 ? active.get(0).policyId() : null;
    }

    // ---------------------------------------------------------------- helpers

    private static String only(SortedSet<String> values) {
        return values.size() == 1 ? values.first() : null;
    }

    private static String postalKey(String postalCode) {
        return postalCode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    private static String describe(Signal s) {
        return s.kind().name() + "@" + (s.source() == null ? "UNKNOWN" : s.source().name());
    }

    private record RefKey(SignalKind kind, String value) implements Comparable<RefKey> {
        private static final Comparator<RefKey> ORDER =
                Comparator.comparing(RefKey::kind).thenComparing(RefKey::value);

        @Override
        public int compareTo(RefKey o) {
            return ORDER.compare(this, o);
        }
    }

    /** An existing reference and where it leads; customerId null when the chain breaks before a customer. */
    private record Hit(SignalKind kind, SortedSet<String> descriptors, String claimId, String policyId,
                       String customerId, boolean customerKnown) {
    }

    private static final class NameMatch {
        final SortedSet<String> descriptors = new TreeSet<>();
        boolean dateOfBirth;
        boolean postalCode;

        double score() {
            return dateOfBirth ? SCORE_NAME_DATE_OF_BIRTH : SCORE_NAME_POSTAL_CODE;
        }
    }

    private record Outcome(IdentityStatus status, String customerId, String policyId, String claimId,
                           String reason, Candidates candidates) {
    }

    /** Candidates by customer id: the best score and the union of matched signals. */
    private static final class Candidates {
        private final SortedMap<String, Double> scores = new TreeMap<>();
        private final SortedMap<String, SortedSet<String>> signals = new TreeMap<>();

        void add(String customerId, double score, Set<String> matched) {
            scores.merge(customerId, score, Math::max);
            signals.computeIfAbsent(customerId, k -> new TreeSet<>()).addAll(matched);
        }

        void mark(String customerId, String marker) {
            signals.computeIfAbsent(customerId, k -> new TreeSet<>()).add(marker);
        }

        /** Adds the address owners; a referenced customer who does not own the address gets the marker. */
        void addSenderOwners(SortedMap<String, SortedSet<String>> owners, Set<String> referenced) {
            double score = owners.size() == 1 ? SCORE_SENDER_UNIQUE : SCORE_SENDER_SHARED;
            owners.forEach((id, matched) -> add(id, score, matched));
            if (!owners.isEmpty()) {
                for (String id : referenced) {
                    if (!owners.containsKey(id)) {
                        mark(id, MARKER_SENDER_OTHER_CUSTOMER);
                    }
                }
            }
        }

        List<Candidate> build() {
            List<Candidate> out = new ArrayList<>();
            scores.forEach((id, score) -> out.add(new Candidate(id, score, List.copyOf(signals.get(id)))));
            return out;
        }
    }

    /** Reads the directory and remembers every record it returned, for the snapshot digest. */
    private static final class Lookup {
        private final IdentityDirectory directory;
        private final SortedMap<String, String> consulted = new TreeMap<>();

        Lookup(IdentityDirectory directory) {
            this.directory = directory;
        }

        Optional<CustomerRecord> customer(String id) {
            Optional<CustomerRecord> r = id == null ? Optional.empty() : directory.customer(id);
            r.ifPresent(c -> consulted.put(key("customer", c.customerId()), canonicalRecord(c)));
            return r;
        }

        Optional<PolicyRecord> policy(String id) {
            Optional<PolicyRecord> r = id == null ? Optional.empty() : directory.policy(id);
            r.ifPresent(this::record);
            return r;
        }

        Optional<ClaimRecord> claim(String id) {
            Optional<ClaimRecord> r = id == null ? Optional.empty() : directory.claim(id);
            r.ifPresent(c -> consulted.put(key("claim", c.claimId()), canonicalRecord(c)));
            return r;
        }

        List<PolicyRecord> policiesOfCustomer(String customerId) {
            List<PolicyRecord> policies = directory.policiesOfCustomer(customerId);
            policies.forEach(this::record);
            return policies;
        }

        List<String> customerIdsByEmail(String email) {
            return directory.customerIdsByEmail(email);
        }

        List<String> customerIdsByName(String normalizedName) {
            return directory.customerIdsByName(normalizedName);
        }

        private void record(PolicyRecord p) {
            consulted.put(key("policy", p.policyId()), canonicalRecord(p));
        }

        private static String key(String type, String id) {
            return type + '\u0000' + id;
        }

        String digest() {
            StringBuilder s = new StringBuilder();
            consulted.values().forEach(s::append);
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                return HexFormat.of().formatHex(sha.digest(s.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
        }
    }

    // ---------------------------------------------------------------- canonical serialization

    /**
     * One line per record: the type, then every field as {@code length:value} ({@code ~} for null; lists as
     * {@code [count field...]}), separated by spaces, ending with a newline. Length-prefixing makes the
     * encoding unambiguous whatever the values contain.
     */
    static String canonicalRecord(CustomerRecord c) {
        StringBuilder s = new StringBuilder("customer");
        field(s, c.customerId());
        field(s, c.fullName());
        s.append(" [").append(c.emails().size());
        c.emails().forEach(e -> field(s, e));
        s.append(']');
        field(s, c.phone());
        field(s, c.dateOfBirth());
        field(s, c.postalCode());
        return s.append('\n').toString();
    }

    static String canonicalRecord(PolicyRecord p) {
        StringBuilder s = new StringBuilder("policy");
        field(s, p.policyId());
        field(s, p.customerId());
        field(s, p.productLine());
        field(s, p.status());
        field(s, p.startDate());
        field(s, p.endDate());
        return s.append('\n').toString();
    }

    static String canonicalRecord(ClaimRecord c) {
        StringBuilder s = new StringBuilder("claim");
        field(s, c.claimId());
        field(s, c.policyId());
        field(s, c.status());
        field(s, c.lossDate());
        return s.append('\n').toString();
    }

    private static void field(StringBuilder s, Object value) {
        s.append(' ');
        if (value == null) {
            s.append('~');
        } else {
            String v = value.toString();
            s.append(v.length()).append(':').append(v);
        }
    }
}
