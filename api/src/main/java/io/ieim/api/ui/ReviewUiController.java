package io.ieim.api.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ieim.api.review.Mutation;
import io.ieim.api.review.ReviewCommands;
import io.ieim.api.review.ReviewQueries;
import io.ieim.api.review.ReviewRequests;
import io.ieim.api.review.ReviewViews;
import io.ieim.api.security.Caller;
import io.ieim.api.web.ApiException;
import io.ieim.spec.Action;
import io.ieim.spec.CanonicalLabel;
import io.ieim.spec.IdentityStatus;
import io.ieim.spec.Intent;
import io.ieim.spec.Queue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The review UI: server-rendered pages over the same services as the API, with the same caller,
 * the same visibility rules and the same idempotency and ETag checks. Every form carries an
 * idempotency key made when the page was rendered (a double submit is answered once) and the ETag
 * the reviewer saw (a form on a changed item is refused with 412, see {@link UiExceptionHandler}).
 */
@Controller
@RequestMapping("/ui")
public class ReviewUiController {

    static final int PAGE_SIZE = 25;

    private final ReviewQueries queries;
    private final ReviewCommands commands;
    private final Validator validator;
    private final ObjectMapper json;

    public ReviewUiController(ReviewQueries queries, ReviewCommands commands, Validator validator, ObjectMapper json) {
        this.queries = queries;
        this.commands = commands;
        this.validator = validator;
        this.json = json;
    }

    /** The form fields of a correction; an empty select means "keep the decision's value". */
    public record CorrectionForm(String idempotencyKey, String etag, String primaryIntent, String queue, String action,
                                 String identityStatus, String customerId, String policyId, String claimId,
                                 String reason) {
    }

    /** A canonical label for a select: the spec's name and its meaning (as the option's title). */
    public record Label(String name, String description) {
    }

    @ModelAttribute
    void page(Authentication auth, Model model) {
        Caller caller = Caller.from(auth);
        model.addAttribute("caller", caller);
        model.addAttribute("roleNames", caller.roles().stream().map(r -> r.claim()).sorted().toList());
        model.addAttribute("fmt", new UiFormat());
    }

    @GetMapping
    String queues(Authentication auth, Model model) {
        model.addAttribute("queues", queries.queues(Caller.from(auth)));
        return "ui/queues";
    }

    @GetMapping("/queues/{queue}")
    String queue(Authentication auth, @PathVariable String queue, @RequestParam(required = false) String cursor,
                 @RequestParam(required = false) String assignee, @RequestParam(required = false) String intent,
                 @RequestParam(required = false) String overdue, Model model) {
        ReviewViews.ItemFilter filter = new ReviewViews.ItemFilter(blankToNull(assignee), blankToNull(intent),
                "yes".equals(overdue) ? Boolean.TRUE : "no".equals(overdue) ? Boolean.FALSE : null);
        ReviewViews.ItemPage page = queries.items(Caller.from(auth), queue, filter, PAGE_SIZE, blankToNull(cursor));
        UriComponentsBuilder here = UriComponentsBuilder.fromPath("/ui/queues/{queue}");
        if (filter.assignee() != null) {
            here.queryParam("assignee", filter.assignee());
        }
        if (filter.intent() != null) {
            here.queryParam("intent", filter.intent());
        }
        if (filter.overdue() != null) {
            here.queryParam("overdue", overdue);
        }
        model.addAttribute("queue", queue);
        model.addAttribute("page", page);
        model.addAttribute("filter", filter);
        model.addAttribute("overdue", overdue == null ? "" : overdue);
        model.addAttribute("intents", labels(Intent.values()));
        model.addAttribute("firstUrl", cursor == null || cursor.isBlank() ? null
                : here.cloneBuilder().buildAndExpand(queue).encode().toUriString());
        model.addAttribute("nextUrl", page.nextCursor() == null ? null
                : here.cloneBuilder().queryParam("cursor", page.nextCursor()).buildAndExpand(queue).encode().toUriString());
        return "ui/queue";
    }

    @GetMapping("/items/{messageId}")
    String item(Authentication auth, @PathVariable String messageId, Model model) {
        Caller caller = Caller.from(auth);
        ReviewViews.ItemDetail item = queries.item(caller, messageId);
        model.addAttribute("item", item);
        model.addAttribute("etag", item.tag().header());
        model.addAttribute("mayEdit", UiRoutes.allows(caller, UiRoutes.CORRECT));
        model.addAttribute("mayClaim", UiRoutes.allows(caller, UiRoutes.CLAIM));
        model.addAttribute("mayDraft", UiRoutes.allows(caller, UiRoutes.CREATE_DRAFT)
                && Action.REQUEST_INFO.name().equals(item.decision().action()));
        model.addAttribute("mayDecideDrafts", UiRoutes.allows(caller, UiRoutes.DECIDE_DRAFT));
        // one key per form and rendering: a resubmitted form is answered once, a reloaded page acts anew
        model.addAttribute("keys", Map.of("claim", newKey(), "correct", newKey(), "draft", newKey()));
        model.addAttribute("draftKeys", item.drafts().stream()
                .collect(Collectors.toMap(ReviewViews.Draft::draftId, d -> newKey())));
        model.addAttribute("intents", labels(Intent.values()));
        model.addAttribute("queueLabels", labels(Queue.values()));
        model.addAttribute("actions", labels(Action.values()));
        model.addAttribute("identityStatuses", labels(IdentityStatus.values()));
        return "ui/item";
    }

    @PostMapping("/items/{messageId}/claim")
    String claim(Authentication auth, @PathVariable String messageId, @RequestParam String idempotencyKey,
                 @RequestParam String etag, RedirectAttributes redirect) {
        JsonNode accepted = body(commands.assign(Caller.from(auth), messageId, idempotencyKey, etag,
                new ReviewRequests.Assignment(null)));
        outcome(redirect, "Claimed: assigned to " + accepted.path("assignee").asText() + ".",
                accepted.path("action_id").asText());
        return itemPage(messageId);
    }

    @PostMapping("/items/{messageId}/corrections")
    String correct(Authentication auth, @PathVariable String messageId, CorrectionForm form,
                   RedirectAttributes redirect) {
        ReviewRequests.Correction correction = new ReviewRequests.Correction(blankToNull(form.primaryIntent()),
                null, blankToNull(form.queue()), blankToNull(form.action()), blankToNull(form.identityStatus()),
                blankToNull(form.customerId()), blankToNull(form.policyId()), blankToNull(form.claimId()),
                form.reason() == null ? null : form.reason().strip());
        // the API's bean constraints (reason required, lengths), checked here as its controller does
        Set<ConstraintViolation<ReviewRequests.Correction>> violations = validator.validate(correction);
        if (!violations.isEmpty()) {
            redirect.addFlashAttribute("problem", "The correction was not saved: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")) + ".");
            return itemPage(messageId);
        }
        try {
            JsonNode accepted = body(commands.correct(Caller.from(auth), messageId, form.idempotencyKey(),
                    form.etag(), correction));
            outcome(redirect, "Correction accepted. The corrected decision follows once routing has applied it.",
                    accepted.path("action_id").asText());
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST) {
                throw e;
            }
            redirect.addFlashAttribute("problem", "The correction was not saved: " + e.getMessage() + ".");
        }
        return itemPage(messageId);
    }

    @PostMapping("/items/{messageId}/drafts")
    String createDraft(Authentication auth, @PathVariable String messageId, @RequestParam String idempotencyKey,
                       @RequestParam String etag, @RequestParam(defaultValue = "") String body,
                       RedirectAttributes redirect) {
        ReviewRequests.DraftCreation draft = new ReviewRequests.DraftCreation(body.strip());
        if (!validator.validate(draft).isEmpty()) {
            redirect.addFlashAttribute("problem", "The draft was not saved: the text must have 1 to 20000 characters.");
            return itemPage(messageId);
        }
        JsonNode created = body(commands.createDraft(Caller.from(auth), messageId, idempotencyKey, etag, draft));
        outcome(redirect, "Reply draft written; it needs " + created.path("approvals_required").asInt()
                + " approval(s).", created.path("draft_id").asText());
        return itemPage(messageId);
    }

    @PostMapping("/drafts/{draftId}/decision")
    String decideDraft(Authentication auth, @PathVariable String draftId, @RequestParam String idempotencyKey,
                       @RequestParam String verdict, RedirectAttributes redirect) {
        JsonNode decided = body(commands.decideDraft(Caller.from(auth), draftId, idempotencyKey,
                new ReviewRequests.DraftVerdict("APPROVE".equals(verdict) ? "APPROVE" : "REJECT")));
        outcome(redirect, "Draft " + ("APPROVE".equals(verdict) ? "approved" : "rejected") + "; it is now "
                + decided.path("status").asText() + ".", decided.path("action_id").asText());
        return itemPage(decided.path("message_id").asText());
    }

    // --- helpers

    /** The mutation's body as the API would send it (a repeat under the same key returns the stored JSON). */
    private JsonNode body(Mutation mutation) {
        return mutation.body() instanceof JsonNode node ? node : json.valueToTree(mutation.body());
    }

    private static void outcome(RedirectAttributes redirect, String text, String id) {
        redirect.addFlashAttribute("outcome", text);
        redirect.addFlashAttribute("outcomeId", id);
    }

    private static String itemPage(String messageId) {
        return "redirect:" + UriComponentsBuilder.fromPath("/ui/items/{id}").buildAndExpand(messageId).encode()
                .toUriString();
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<Label> labels(CanonicalLabel[] labels) {
        return Arrays.stream(labels).map(l -> new Label(l.name(), l.description())).toList();
    }
}
