package io.ieim.api.web;

import io.ieim.api.review.Mutation;
import io.ieim.api.review.RawMailLinks;
import io.ieim.api.review.ReviewCommands;
import io.ieim.api.review.ReviewQueries;
import io.ieim.api.review.ReviewRequests;
import io.ieim.api.review.ReviewViews;
import io.ieim.api.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The /api/v1 routes. Thin: HTTP headers and status in, services out; roles are enforced by the
 * security chain from {@link io.ieim.api.security.RoutePolicy}, visibility by the services.
 */
@RestController
@RequestMapping("/api/v1")
public class ReviewController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String IF_MATCH = "If-Match";

    private final ReviewQueries queries;
    private final ReviewCommands commands;
    private final RawMailLinks rawMail;

    public ReviewController(ReviewQueries queries, ReviewCommands commands, RawMailLinks rawMail) {
        this.queries = queries;
        this.commands = commands;
        this.rawMail = rawMail;
    }

    @GetMapping("/queues")
    Map<String, List<ReviewViews.QueueSummary>> queues(Authentication auth) {
        return Map.of("queues", queries.queues(Caller.from(auth)));
    }

    @GetMapping("/queues/{queue}/items")
    ReviewViews.ItemPage items(Authentication auth, @PathVariable String queue,
                               @RequestParam(defaultValue = "50") int limit,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(required = false) String assignee,
                               @RequestParam(required = false) String intent,
                               @RequestParam(required = false) Boolean overdue) {
        return queries.items(Caller.from(auth), queue, new ReviewViews.ItemFilter(assignee, intent, overdue), limit, cursor);
    }

    @GetMapping("/items/{messageId}")
    ResponseEntity<ReviewViews.ItemDetail> item(Authentication auth, @PathVariable String messageId) {
        ReviewViews.ItemDetail item = queries.item(Caller.from(auth), messageId);
        return ResponseEntity.ok().eTag(item.tag().header()).cacheControl(CacheControl.noStore()).body(item);
    }

    @GetMapping("/items/{messageId}/raw")
    ResponseEntity<RawMailLinks.RawMailLink> raw(Authentication auth, @PathVariable String messageId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(rawMail.link(Caller.from(auth), messageId));
    }

    @PostMapping("/items/{messageId}/assignment")
    ResponseEntity<Object> assign(Authentication auth, @PathVariable String messageId,
                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                  @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                  @Valid @RequestBody(required = false) ReviewRequests.Assignment body) {
        ReviewCommands.requireIfMatch(ifMatch);
        return answer(commands.assign(Caller.from(auth), messageId, key, ifMatch,
                body == null ? new ReviewRequests.Assignment(null) : body));
    }

    @PostMapping("/items/{messageId}/corrections")
    ResponseEntity<Object> correct(Authentication auth, @PathVariable String messageId,
                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                   @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                   @Valid @RequestBody ReviewRequests.Correction body) {
        ReviewCommands.requireIfMatch(ifMatch);
        return answer(commands.correct(Caller.from(auth), messageId, key, ifMatch, body));
    }

    @PostMapping("/items/{messageId}/drafts")
    ResponseEntity<Object> draft(Authentication auth, @PathVariable String messageId,
                                 @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                 @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                 @Valid @RequestBody ReviewRequests.DraftCreation body) {
        ReviewCommands.requireIfMatch(ifMatch);
        return answer(commands.createDraft(Caller.from(auth), messageId, key, ifMatch, body));
    }

    @PostMapping("/drafts/{draftId}/decision")
    ResponseEntity<Object> decide(Authentication auth, @PathVariable String draftId,
                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                  @Valid @RequestBody ReviewRequests.DraftVerdict body) {
        return answer(commands.decideDraft(Caller.from(auth), draftId, key, body));
    }

    private static ResponseEntity<Object> answer(Mutation mutation) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(mutation.status());
        if (mutation.etag() != null) {
            response.eTag(mutation.etag());
        }
        return response.body(mutation.body());
    }
}
