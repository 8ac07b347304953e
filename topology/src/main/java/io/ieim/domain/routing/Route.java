package io.ieim.domain.routing;

import io.ieim.spec.Action;
import io.ieim.spec.Queue;
import io.ieim.spec.ReviewReason;

import java.util.List;

/**
 * The routing outcome (contract §5).
 *
 * @param queue         target queue
 * @param action        action
 * @param needsReview   true for REVIEW, REQUEST_INFO, QUARANTINE and every mail in LEGAL or PRIVACY
 * @param reviewReasons why a person must look, sorted by name
 * @param ruleFired     id of the routing rule that matched first (e.g. "R1-quarantine")
 */
public record Route(Queue queue, Action action, boolean needsReview, List<ReviewReason> reviewReasons, String ruleFired) {
    public Route {
        reviewReasons = List.copyOf(reviewReasons);
    }
}
