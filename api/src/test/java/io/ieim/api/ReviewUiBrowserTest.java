package io.ieim.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ieim.avro.ReviewAction;
import io.ieim.devstack.junit.StackTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review UI in headless Chromium against the real stack, signed in through the stack's own OIDC
 * provider and its sign-in page (not the in-process provider of the API tests, which has no
 * interactive sign-in; hence this class's own Spring context).
 *
 * <p>Needs /usr/bin/chromium and /usr/bin/chromedriver (Debian packages chromium, chromium-driver;
 * .ci/run installs them). Without them the test fails; {@code -Dieim.skipBrowserTests=true} skips it.
 */
@DisabledIfSystemProperty(named = "ieim.skipBrowserTests", matches = "true",
        disabledReason = "ieim.skipBrowserTests=true: the review UI's browser test is skipped")
@StackTest
@SpringBootTest(classes = ReviewApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewUiBrowserTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    private final List<WebDriver> browsers = new ArrayList<>();

    @DynamicPropertySource
    static void stackWithItsIssuer(DynamicPropertyRegistry registry) {
        registry.add("ieim.api.oidc.issuer-uri", () -> ApiStackTestBase.stack().oidcIssuerUrl());
        ApiStackTestBase.stackServices(registry);
    }

    @BeforeAll
    static void chromiumIsInstalled() {
        assertThat(Path.of(CHROMIUM)).as("Chromium is missing: apt-get install chromium chromium-driver "
                + "(or run with -Dieim.skipBrowserTests=true)").isExecutable();
        assertThat(Path.of(CHROMEDRIVER)).as("chromedriver is missing: apt-get install chromium-driver "
                + "(or run with -Dieim.skipBrowserTests=true)").isExecutable();
    }

    private final List<String> inserted = new java.util.ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
        // projected rows written by hand are not in any topic: leave the sink's tables as the topics say
        inserted.forEach(id -> ApiStackTestBase.removeDecision(db, id));
    }

    @Test
    void aReviewerSignsInClaimsAndCorrectsAnItem() throws Exception {
        String id = insertFirstInQueue("REVIEW_CLASSIFICATION", "REVIEW");
        WebDriver browser = browser();

        browser.get(url("/ui"));
        signIn(browser, "reviewer");
        await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("queues")));
        assertThat(browser.getCurrentUrl()).startsWith(url("/ui"));
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("reviewer");
        assertThat(browser.findElement(By.id("roles")).getText()).isEqualTo("reviewer");
        assertThat(browser.findElements(By.cssSelector("tr[data-queue=PRIVACY]")))
                .as("a reviewer does not see the PRIVACY queue").isEmpty();

        browser.findElement(By.cssSelector("tr[data-queue=REVIEW_CLASSIFICATION] a")).click();
        await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("items")));
        browser.findElement(By.cssSelector("a[href$='/ui/items/" + id + "']")).click();
        await(browser).until(ExpectedConditions.textToBe(By.id("message-id"), id));
        assertThat(text(browser, "assignee")).isEqualTo("unassigned");
        assertThat(text(browser, "review-reasons")).isEqualTo("LOW_CONFIDENCE");

        browser.findElement(By.cssSelector("#claim button")).click();
        await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
        assertThat(text(browser, "assignee")).isEqualTo("reviewer");
        assertThat(db.sql("SELECT overrides->>'assignee' FROM ieim_review.reviewer_action WHERE message_id = :id AND kind = 'ASSIGN'")
                .param("id", id).query(String.class).single()).isEqualTo("reviewer");

        // the queue's filters: the claimed item is among the reviewer's, and not among the unassigned overdue ones
        browser.get(url("/ui/queues/REVIEW_CLASSIFICATION?assignee=reviewer"));
        await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("items")));
        assertThat(browser.findElements(By.cssSelector("tr[data-message-id='" + id + "']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#items tbody tr[data-message-id] td:last-child")))
                .extracting(WebElement::getText).containsOnly("reviewer");
        browser.get(url("/ui/queues/REVIEW_CLASSIFICATION?assignee=nobody-" + UUID.randomUUID()));
        await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("items")));
        assertThat(browser.findElements(By.cssSelector("tr[data-message-id]"))).isEmpty();
        browser.get(url("/ui/items/" + id));
        await(browser).until(ExpectedConditions.textToBe(By.id("message-id"), id));

        String reason = "the sender asks about an existing claim " + UUID.randomUUID();
        new Select(browser.findElement(By.cssSelector("#correct select[name=queue]"))).selectByValue("CLAIMS_HANDLING");
        browser.findElement(By.cssSelector("#correct textarea[name=reason]")).sendKeys(reason);
        browser.findElement(By.cssSelector("#correct button")).click();
        await(browser).until(ExpectedConditions.textMatches(By.id("outcome"), java.util.regex.Pattern.compile("Correction accepted")));
        String actionId = text(browser, "outcome-id");
        assertThat(UUID.fromString(actionId)).isNotNull();

        Map<String, Object> row = db.sql("""
                        SELECT kind, reviewer, based_on_decision_version, overrides::text AS overrides, reason
                        FROM ieim_review.reviewer_action WHERE action_id = CAST(:action AS uuid)""")
                .param("action", actionId).query().singleRow();
        assertThat(row).containsEntry("kind", "CORRECT").containsEntry("reviewer", "reviewer")
                .containsEntry("based_on_decision_version", 1).containsEntry("reason", reason);
        JsonNode overrides = ApiStackTestBase.JSON.readTree(row.get("overrides").toString());
        assertThat(overrides.properties()).as("only the chosen override, the kept selects are not sent")
                .hasSize(1);
        assertThat(overrides.path("queue").asText()).isEqualTo("CLAIMS_HANDLING");

        Path screenshot = Path.of("target", "ui-item.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        ReviewAction event = ReviewMutationApiTest.readAction(ApiStackTestBase.stack(), id, actionId);
        assertThat(event.getQueueOverride()).isEqualTo("CLAIMS_HANDLING");
        assertThat(event.getReason()).isEqualTo(reason);
        assertThat(event.getReviewer()).isEqualTo("reviewer");

        // a form rendered before someone else changed the item is refused with a reload hint
        browser.navigate().refresh();
        await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("claim")));
        db.sql("UPDATE ieim_review.review_item_state SET lock_version = lock_version + 1 WHERE message_id = :id")
                .param("id", id).update();
        browser.findElement(By.cssSelector("#claim button")).click();
        await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("error-code")));
        assertThat(text(browser, "status")).isEqualTo("412");
        assertThat(text(browser, "error-code")).isEqualTo("stale_item");
        assertThat(text(browser, "message")).contains("changed since you opened it");
        assertThat(UUID.fromString(text(browser, "correlation-id"))).isNotNull();
        assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("at io.ieim");
        browser.findElement(By.id("reload")).click();
        await(browser).until(ExpectedConditions.textToBe(By.id("message-id"), id));

        browser.findElement(By.cssSelector("#logout button")).click();
        await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
        browser.get(url("/ui"));
        await(browser).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        assertThat(browser.getCurrentUrl()).as("signed out: /ui asks for a sign-in again")
                .startsWith(ApiStackTestBase.stack().oidcIssuerUrl());
    }

    @Test
    void anAuditorSeesNoFormsAndAForgedPostIsRefused() {
        String id = insertFirstInQueue("REVIEW_CLASSIFICATION", "REVIEW");
        WebDriver browser = browser();

        browser.get(url("/ui/items/" + id)); // after the sign-in the browser comes back to this page
        signIn(browser, "auditor");
        await(browser).until(ExpectedConditions.textToBe(By.id("message-id"), id));
        assertThat(text(browser, "decision-queue")).isEqualTo("REVIEW_CLASSIFICATION");
        assertThat(browser.findElements(By.cssSelector("form#correct, form#claim, form#draft"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#audit"))).hasSize(1);

        // a correction form the page never offered, with a valid CSRF token of the auditor's session
        forgeCorrection(browser, id, true);
        await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("error-code")));
        assertThat(text(browser, "status")).isEqualTo("403");
        assertThat(text(browser, "error-code")).isEqualTo("forbidden");

        // and without the token: refused before any role is looked at
        browser.get(url("/ui/items/" + id));
        await(browser).until(ExpectedConditions.textToBe(By.id("message-id"), id));
        forgeCorrection(browser, id, false);
        await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("error-code")));
        assertThat(text(browser, "error-code")).isEqualTo("csrf_rejected");

        assertThat(db.sql("SELECT count(*) FROM ieim_review.reviewer_action WHERE message_id = :id")
                .param("id", id).query(Long.class).single()).isZero();
    }

    @Test
    void aReviewerWritesAReplyDraftAndAnApproverApprovesIt() {
        String id = insertFirstInQueue("GENERAL", "REQUEST_INFO");
        String itemPage = url("/ui/items/" + id);

        WebDriver reviewer = browser();
        reviewer.get(itemPage);
        signIn(reviewer, "reviewer");
        await(reviewer).until(ExpectedConditions.textToBe(By.id("message-id"), id));
        String body = "Please send us your policy number. " + UUID.randomUUID();
        reviewer.findElement(By.cssSelector("#draft textarea[name=body]")).sendKeys(body);
        reviewer.findElement(By.cssSelector("#draft button")).click();
        await(reviewer).until(ExpectedConditions.textMatches(By.id("outcome"),
                java.util.regex.Pattern.compile("Reply draft written")));
        String draftId = text(reviewer, "outcome-id");
        assertThat(reviewer.findElement(By.cssSelector("[data-draft-id='" + draftId + "'] pre")).getText()).isEqualTo(body);
        assertThat(reviewer.findElements(By.cssSelector("[data-draft-id='" + draftId + "'] form")))
                .as("a reviewer may not decide on drafts").isEmpty();

        WebDriver approver = browser();
        approver.get(itemPage);
        signIn(approver, "approver");
        await(approver).until(ExpectedConditions.textToBe(By.id("message-id"), id));
        assertThat(approver.findElements(By.cssSelector("form#draft, form#correct"))).isEmpty();
        approver.findElement(By.xpath("//div[@data-draft-id='" + draftId + "']//button[text()='Approve']")).click();
        await(approver).until(ExpectedConditions.textMatches(By.id("outcome"),
                java.util.regex.Pattern.compile("Draft approved; it is now APPROVED")));
        assertThat(db.sql("SELECT status FROM ieim_review.reply_draft WHERE draft_id = CAST(:d AS uuid)")
                .param("d", draftId).query(String.class).single()).isEqualTo("APPROVED");
        assertThat(db.sql("SELECT approver FROM ieim_review.draft_decision WHERE draft_id = CAST(:d AS uuid)")
                .param("d", draftId).query(String.class).single()).isEqualTo("approver");

        approver.get(itemPage);
        await(approver).until(ExpectedConditions.textToBe(By.id("message-id"), id));
        assertThat(approver.findElements(By.cssSelector("[data-draft-id='" + draftId + "'] form")))
                .as("a decided draft offers no decision").isEmpty();
    }

    @Test
    void withoutASessionTheUiRedirectsToSignInWhileTheApiAnswers401() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String page : List.of("/ui", "/ui/queues/GENERAL", "/ui/items/" + "0".repeat(64))) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(page)))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(page)
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/oauth2/authorization/ieim-ui"));
        }
        // a browser-like request to the API still gets the envelope, never a sign-in redirect
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/queues")))
                .header("Accept", "text/html,application/xhtml+xml").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(ApiStackTestBase.JSON.readTree(api.body()).path("error_code").asText()).isEqualTo("unauthenticated");
        assertThat(api.headers().firstValue("Set-Cookie")).as("the API stays stateless").isEmpty();
    }

    // --- helpers

    private WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,2200");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        browsers.add(driver);
        return driver;
    }

    /** On the stack provider's sign-in page: the demo user's name, whose roles the page puts in the tokens. */
    private static void signIn(WebDriver browser, String user) {
        WebElement name = await(browser).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        assertThat(browser.getCurrentUrl()).as("redirected to the OIDC provider's sign-in")
                .startsWith(ApiStackTestBase.stack().oidcIssuerUrl() + "/authorize");
        name.sendKeys(user);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
    }

    private void forgeCorrection(WebDriver browser, String id, boolean withCsrfToken) {
        ((JavascriptExecutor) browser).executeScript("""
                        const [action, key, withToken] = arguments;
                        const form = document.createElement('form');
                        form.method = 'post';
                        form.action = action;
                        const add = (name, value) => {
                          const input = document.createElement('input');
                          input.type = 'hidden'; input.name = name; input.value = value; form.appendChild(input);
                        };
                        if (withToken) {
                          const csrf = document.querySelector('#logout input[type=hidden]');
                          add(csrf.name, csrf.value);
                        }
                        add('idempotencyKey', key);
                        add('etag', '"1.0"');
                        add('queue', 'CLAIMS_HANDLING');
                        add('reason', 'forged');
                        document.body.appendChild(form);
                        form.submit();""",
                url("/ui/items/" + id + "/corrections"), UUID.randomUUID().toString(), withCsrfToken);
    }

    /** An item that sorts first in its queue (oldest), so the first page shows it whatever earlier runs left. */
    private String insertFirstInQueue(String queue, String action) {
        Instant oldest = db.sql("SELECT coalesce(min(received_at), now()) FROM ieim_review.decision_projection WHERE queue = :q")
                .param("q", queue).query(Timestamp.class).single().toInstant();
        Instant receivedAt = oldest.minus(Duration.ofHours(1));
        String id = ApiStackTestBase.insertDecision(db, ApiStackTestBase.Fixture.of(queue, action).receivedAt(receivedAt));
        inserted.add(id);
        return id;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Waits, and on a timeout says where the browser is and what it shows (the page's text, not its markup). */
    private static WebDriverWait await(WebDriver browser) {
        return new WebDriverWait(browser, WAIT) {
            @Override
            protected RuntimeException timeoutException(String message, Throwable cause) {
                String shown;
                try {
                    shown = browser.findElement(By.tagName("body")).getText();
                } catch (RuntimeException e) {
                    shown = "(no page: " + e.getClass().getSimpleName() + ")";
                }
                return new org.openqa.selenium.TimeoutException(message + "\nat " + browser.getCurrentUrl()
                        + "\nshowing: " + shown.substring(0, Math.min(shown.length(), 1500)), cause);
            }
        };
    }

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    static {
        // Selenium would otherwise look for a driver online (Selenium Manager); the system's is used
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    }
}
