package io.ieim.topology.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Decisions against gold labels: accuracy of primary intent, queue, action and identity status, and
 * mis-associations: a decision that names a customer other than the gold one (or any customer where
 * gold has none). A mis-association is the worst error of the system; the regression fails on one.
 */
public record Evaluation(int mails, int missing, double intentAccuracy, double queueAccuracy,
                         double actionAccuracy, double identityAccuracy, double reviewRate,
                         List<String> misassociations, List<String> queueErrors,
                         Map<String, Integer> perQueue) {

    /** What a decision said, reduced to the compared fields. */
    public record Observed(String primaryIntent, String queue, String action, boolean needsReview,
                           String identityStatus, String customerId) {
    }

    public static Evaluation of(GoldCorpus corpus, Map<String, Observed> byMessageId) {
        int n = 0;
        int missing = 0;
        int intent = 0;
        int queue = 0;
        int action = 0;
        int identity = 0;
        int review = 0;
        List<String> misassociations = new ArrayList<>();
        List<String> queueErrors = new ArrayList<>();
        Map<String, Integer> perQueue = new TreeMap<>();
        for (GoldCorpus.Entry gold : corpus.entries()) {
            n++;
            Observed seen = byMessageId.get(gold.messageId());
            if (seen == null) {
                missing++;
                queueErrors.add(gold.file() + ": no decision");
                continue;
            }
            perQueue.merge(seen.queue(), 1, Integer::sum);
            intent += Objects.equals(gold.primaryIntent(), seen.primaryIntent()) ? 1 : 0;
            if (Objects.equals(gold.queue(), seen.queue())) {
                queue++;
            } else {
                queueErrors.add(gold.file() + ": queue " + seen.queue() + " (gold " + gold.queue() + "), intent "
                        + seen.primaryIntent() + " (gold " + gold.primaryIntent() + "), identity " + seen.identityStatus()
                        + " (gold " + gold.identityStatus() + ")");
            }
            action += Objects.equals(gold.action(), seen.action()) ? 1 : 0;
            identity += Objects.equals(gold.identityStatus(), seen.identityStatus()) ? 1 : 0;
            review += seen.needsReview() ? 1 : 0;
            if (seen.customerId() != null && !seen.customerId().equals(gold.customerId())) {
                misassociations.add(gold.file() + ": decided " + seen.customerId() + ", gold "
                        + (gold.customerId() == null ? "none" : gold.customerId()));
            }
        }
        double d = Math.max(1, n);
        return new Evaluation(n, missing, intent / d, queue / d, action / d, identity / d, review / d,
                List.copyOf(misassociations), List.copyOf(queueErrors), perQueue);
    }

    /** A summary table for people (the demo) and for the regression test's output. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("mails %d, without decision %d%n", mails, missing));
        out.append(String.format("%-28s %6s%n", "QUEUE", "MAILS"));
        perQueue.forEach((q, c) -> out.append(String.format("%-28s %6d%n", q, c)));
        out.append(String.format("review rate        %.3f%n", reviewRate));
        out.append(String.format("intent accuracy    %.3f%n", intentAccuracy));
        out.append(String.format("queue accuracy     %.3f%n", queueAccuracy));
        out.append(String.format("action accuracy    %.3f%n", actionAccuracy));
        out.append(String.format("identity accuracy  %.3f%n", identityAccuracy));
        out.append(String.format("mis-associations   %d%n", misassociations.size()));
        misassociations.forEach(m -> out.append("  ").append(m).append('\n'));
        return out.toString();
    }
}
