package io.ieim.domain.mail;

import io.ieim.spec.ParseStatus;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.field.DateTimeFieldImpl;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.ByteArrayBuffer;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes raw RFC 5322 / MIME bytes into a {@link NormalizedMail} (issue 3, stage 1).
 *
 * <p>Parsing is Apache James mime4j's pull parser ({@link MimeTokenStream}, lenient); HTML becomes text
 * with jsoup; attachment types are sniffed from content with Apache Tika. Limits
 * ({@link NormalizationLimits}) are checked while the stream is read, so a deeply nested or part-bombed
 * mail stops early. Bad input never throws: it becomes {@link ParseStatus#UNPARSEABLE} or
 * {@link ParseStatus#LIMIT_EXCEEDED} with a short reason; repaired defects give
 * {@link ParseStatus#DEFECTS}. Reasons never contain mail content.
 *
 * <p>Text selection: in multipart/alternative the text/plain part wins unless it is blank, else HTML (made
 * readable by jsoup), else a nested multipart; text/plain and text/html parts without a file name and
 * without "attachment" disposition are body text, everything else is an attachment. A message/rfc822 part
 * (a forward as attachment) is listed as an attachment and its text is appended after
 * {@link #FORWARD_MARKER} with its From, Date, Subject and To lines, because forwarded content counts as
 * new text (contract §4). The returned original inside a multipart/report (bounce) is only listed.
 *
 * <p>Thread-safe and stateless apart from its limits.
 */
public final class MailNormalizer {

    /** Version of the normalization rules; recorded with every normalized mail. */
    public static final String VERSION = "mail-normalizer-1";

    /** First line of the block that carries the text of a forwarded (message/rfc822) part. */
    public static final String FORWARD_MARKER = "---------- Forwarded message ----------";

    /** Headers copied into {@link NormalizedMail#headers()} (top-level message only), by lower-case name. */
    public static final Set<String> SELECTED_HEADERS = Set.of("auto-submitted", "x-autoreply", "x-autorespond",
            "x-autoresponder", "precedence", "x-auto-response-suppress", "list-unsubscribe", "list-id",
            "content-type", "content-language", "return-path", "in-reply-to", "references", "x-spam-flag",
            "x-spam-status");

    private static final int MAX_REASONS = 20;

    private static final MimeConfig MIME_CONFIG = MimeConfig.custom()
            .setStrictParsing(false)
            .setMaxLineLen(-1)
            .setMaxHeaderLen(-1)
            .setMaxHeaderCount(-1)
            .setMaxContentLen(-1)
            .build();

    /** A header field line: printable ASCII name without colon, optional blanks, colon. */
    private static final Pattern HEADER_LINE = Pattern.compile("^[\\x21-\\x39\\x3B-\\x7E]+[ \\t]*:");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern FOLD = Pattern.compile("\\r?\\n(?=[ \\t])");

    private final NormalizationLimits limits;

    public MailNormalizer(NormalizationLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public MailNormalizer() {
        this(NormalizationLimits.DEFAULT);
    }

    public NormalizationLimits limits() {
        return limits;
    }

    /**
     * Normalizes one raw mail.
     *
     * @param raw the raw MIME bytes, not null
     * @return the normalized mail; never null, never throws for bad input
     */
    public NormalizedMail normalize(byte[] raw) {
        return normalize(raw, null);
    }

    /**
     * The decoded bytes of every attachment the normalizer lists for this mail, by lowercase hex SHA-256
     * (the {@code sha256} of its attachment metadata), for the attachment scanning stage. Empty when the
     * mail cannot be parsed or exceeds a limit.
     */
    public Map<String, byte[]> attachmentContents(byte[] raw) {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        NormalizedMail mail = normalize(raw, contents);
        return mail.parseFailed() ? Map.of() : contents;
    }

    private NormalizedMail normalize(byte[] raw, Map<String, byte[]> contents) {
        Objects.requireNonNull(raw, "raw");
        String messageId = sha256Hex(raw);
        long size = raw.length;
        if (size > limits.maxBytes()) {
            return NormalizedMail.failed(messageId, size, ParseStatus.LIMIT_EXCEEDED,
                    "size " + size + " > limit " + limits.maxBytes());
        }
        Defects defects = new Defects();
        int start = headerStart(raw, 0, defects);
        if (start < 0) {
            return NormalizedMail.failed(messageId, size, ParseStatus.UNPARSEABLE, "no header section");
        }
        try {
            Parser parser = new Parser(defects);
            Entity root = parser.parseMessage(raw, start, 0);
            return build(messageId, size, root, parser, defects, contents);
        } catch (LimitExceeded e) {
            return NormalizedMail.failed(messageId, size, ParseStatus.LIMIT_EXCEEDED, e.reason);
        } catch (IOException | MimeException | RuntimeException e) {
            // the reason names the failure kind only: exception messages may quote mail content
            return NormalizedMail.failed(messageId, size, ParseStatus.UNPARSEABLE,
                    "undecodable structure (" + e.getClass().getSimpleName() + ")");
        }
    }

    // ------------------------------------------------------------------------------------------------
    // building the result

    private NormalizedMail build(String messageId, long size, Entity root, Parser parser, Defects defects,
                                 Map<String, byte[]> contents) throws LimitExceeded {
        Headers h = root.headers();

        Content content = new Content(contents);
        defects.parts = parser.parts;
        collect(root, root.isMultipart() ? "" : "1", content, true, defects);
        String bodyText = content.text();
        if (bodyText.length() > limits.maxBodyChars()) {
            throw new LimitExceeded("body characters " + bodyText.length() + " > limit " + limits.maxBodyChars());
        }
        boolean brokenEncoding = defects.list().stream().anyMatch(d -> d.startsWith("invalid base64")
                || d.startsWith("invalid quoted-printable"));
        if (root.declaredMultipartWithoutBoundary() && brokenEncoding) {
            // a multipart without boundary whose content does not decode either: nothing to decide from
            return NormalizedMail.failed(messageId, size, ParseStatus.UNPARSEABLE, "multipart without boundary and undecodable content");
        }

        String subject = h.unstructured("subject", defects);
        List<NormalizedMail.Address> from = h.addresses("from", defects);
        Map<String, String> selected = new TreeMap<>();
        for (String name : SELECTED_HEADERS) {
            String v = h.unstructured(name);
            if (v != null) {
                selected.put(name, v);
            }
        }
        String references = h.unstructured("references");
        List<String> refs = new ArrayList<>();
        if (references != null) {
            Matcher m = MESSAGE_ID.matcher(references);
            while (m.find()) {
                refs.add(m.group());
            }
        }
        String language = detectLanguage(subject, bodyText);
        ParseStatus status = defects.isEmpty() ? ParseStatus.OK : ParseStatus.DEFECTS;
        return new NormalizedMail(VERSION, messageId, size, h.unstructured("message-id"),
                from.isEmpty() ? null : from.get(0), h.addresses("reply-to", defects), h.addresses("to", defects),
                h.addresses("cc", defects), subject, h.date("date"), h.unstructured("in-reply-to"), refs,
                h.unstructured("auto-submitted"), selected, bodyText, content.mediaType, language,
                content.attachments, parser.parts, parser.maxDepthSeen, status, defects.list());
    }

    private static String detectLanguage(String subject, String bodyText) {
        TextParts parts = ThreadSplitter.split(bodyText, subject);
        String newText = (subject == null ? "" : subject) + "\n" + parts.newText();
        return LanguageDetector.detect(newText)
                .or(() -> LanguageDetector.detect(bodyText))
                .orElse(null);
    }

    /** Accumulates text segments and attachments in document order. */
    private static final class Content {
        final List<String> segments = new ArrayList<>();
        final List<NormalizedMail.Attachment> attachments = new ArrayList<>();
        /** Attachment bytes by SHA-256, only when asked for (null otherwise: normalizing keeps no copies). */
        final Map<String, byte[]> contents;
        String mediaType;

        Content(Map<String, byte[]> contents) {
            this.contents = contents;
        }

        void attachment(NormalizedMail.Attachment attachment, byte[] bytes) {
            attachments.add(attachment);
            if (contents != null) {
                contents.putIfAbsent(attachment.info().sha256(), bytes);
            }
        }

        void text(String text, String type) {
            if (text.isBlank()) {
                return;
            }
            segments.add(text.strip());
            if (mediaType == null) {
                mediaType = type;
            }
        }

        String text() {
            return String.join("\n\n", segments);
        }
    }

    /**
     * Walks an entity at its part path (IMAP numbering: "1.2"; "" for a multipart root, whose children are
     * "1", "2", ...). {@code withText} false lists attachments only (branches of an alternative that were
     * not chosen, the machine parts of a report).
     */
    private void collect(Entity e, String path, Content content, boolean withText, Defects defects)
            throws LimitExceeded {
        if (e.isMultipart() && e.children.isEmpty()) {
            // the declared boundary never occurs (a wrong or rewritten boundary): everything is preamble, and
            // reading it as text keeps the mail decidable instead of empty
            if (withText && e.preamble != null) {
                String text = TextDecoding.tidyPlain(TextDecoding.normalizeLines(
                        TextDecoding.decode(e.preamble, e.charsetParam()).text()));
                if (!text.isBlank()) {
                    defects.add("multipart without parts, read as text");
                    content.text(text, "text/plain");
                }
            }
            return;
        }
        if (e.isMultipart()) {
            String sub = e.subType();
            Entity chosen = "alternative".equals(sub) && withText ? chooseAlternative(e.children, defects) : null;
            for (int i = 0; i < e.children.size(); i++) {
                Entity child = e.children.get(i);
                boolean childText;
                if ("alternative".equals(sub) && withText) {
                    childText = child == chosen;
                } else if ("report".equals(sub) && withText) {
                    childText = i == 0;
                } else {
                    childText = withText;
                }
                collect(child, path.isEmpty() ? Integer.toString(i + 1) : path + "." + (i + 1), content, childText,
                        defects);
            }
            return;
        }
        if (e.isEmbeddedMessage()) {
            content.attachment(attachment(e, path), bodyOf(e));
            if (e.embedded != null) {
                Content inner = new Content(content.contents);
                collect(e.embedded, e.embedded.isMultipart() ? path : path + ".1", inner, withText, defects);
                content.attachments.addAll(inner.attachments);
                if (withText) {
                    content.text(forwardBlock(e.embedded.headers(), inner.text()),
                            inner.mediaType != null ? inner.mediaType : "message/rfc822");
                }
            }
            return;
        }
        if (e.isBodyText()) {
            // an inline text part is body text, never an attachment; in a branch not chosen it is skipped
            if (withText) {
                String text = text(e, defects);
                if ("text/plain".equals(e.mimeType()) && text.contains("begin ")) {
                    Uuencode.Split split = Uuencode.split(text);
                    if (!split.files().isEmpty()) {
                        defects.parts += split.files().size();
                        if (defects.parts > limits.maxParts()) {
                            throw new LimitExceeded("parts " + defects.parts + " > limit " + limits.maxParts());
                        }
                        defects.add("uuencoded attachment in text part");
                        for (Uuencode.File f : split.files()) {
                            content.attachment(uuAttachment(f, path), f.content());
                        }
                        text = split.text();
                    }
                }
                content.text(text, e.mimeType());
            }
            return;
        }
        if (e.body != null && e.body.length > 0 || e.fileName() != null) {
            content.attachment(attachment(e, path), bodyOf(e));
        }
    }

    private Entity chooseAlternative(List<Entity> children, Defects defects) {
        for (Entity c : children) {
            if (c.isBodyText() && "text/plain".equals(c.mimeType()) && !text(c, defects).isBlank()) {
                return c;
            }
        }
        Entity html = null;
        Entity multipart = null;
        for (Entity c : children) {
            if (c.isBodyText() && "text/html".equals(c.mimeType())) {
                html = c;
            } else if (c.isMultipart()) {
                multipart = c;
            }
        }
        if (html != null) {
            return html;
        }
        if (multipart != null) {
            return multipart;
        }
        return children.isEmpty() ? null : children.get(0);
    }

    private static String forwardBlock(Headers h, String innerText) {
        StringBuilder sb = new StringBuilder(FORWARD_MARKER).append('\n');
        appendHeaderLine(sb, "From", h.unstructured("from"));
        appendHeaderLine(sb, "Date", h.unstructured("date"));
        appendHeaderLine(sb, "Subject", h.unstructured("subject"));
        appendHeaderLine(sb, "To", h.unstructured("to"));
        sb.append('\n').append(innerText);
        return sb.toString();
    }

    private static void appendHeaderLine(StringBuilder sb, String name, String value) {
        if (value != null && !value.isBlank()) {
            sb.append(name).append(": ").append(value.replace('\n', ' ')).append('\n');
        }
    }

    /** Decoded text of a text/plain or text/html part (cached). */
    private static String text(Entity e, Defects defects) {
        if (e.text != null) {
            return e.text;
        }
        byte[] body = e.body == null ? new byte[0] : e.body;
        String declared = e.charsetParam();
        boolean html = "text/html".equals(e.mimeType());
        if (html && declared == null) {
            declared = TextDecoding.htmlMetaCharset(body);
        }
        TextDecoding.Decoded decoded = TextDecoding.decode(body, declared);
        if (decoded.defect() != null) {
            defects.add(decoded.defect());
        }
        String s = TextDecoding.normalizeLines(decoded.text());
        if (html) {
            s = HtmlText.toText(s);
        } else {
            s = TextDecoding.tidyPlain(s);
        }
        e.text = s;
        return s;
    }

    /** A uuencoded block of a text part, listed at that part's path (it has no MIME entity of its own). */
    private static NormalizedMail.Attachment uuAttachment(Uuencode.File f, String path) {
        MailView.AttachmentInfo info = new MailView.AttachmentInfo(f.name(), "application/octet-stream",
                sniff(f.content(), f.name()), f.content().length, sha256Hex(f.content()));
        return new NormalizedMail.Attachment(info, "attachment", path);
    }

    private static byte[] bodyOf(Entity e) {
        return e.body == null ? new byte[0] : e.body;
    }

    private static NormalizedMail.Attachment attachment(Entity e, String path) {
        byte[] body = bodyOf(e);
        String fileName = e.fileName();
        MailView.AttachmentInfo info = new MailView.AttachmentInfo(fileName, e.mimeType(), sniff(body, fileName),
                body.length, sha256Hex(body));
        String disposition = e.disposition().value;
        return new NormalizedMail.Attachment(info, disposition == null || disposition.isEmpty() ? null : disposition,
                path);
    }

    private static String sniff(byte[] content, String fileName) {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            // the name only refines what the content says (a .docx inside a zip); it never overrides magic
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (InputStream in = new ByteArrayInputStream(content)) {
            MediaType type = Tika.TYPES.detect(in, metadata);
            return type.toString();
        } catch (IOException e) {
            return MediaType.OCTET_STREAM.toString();
        }
    }

    /** Lazily loaded Tika type registry (parsing its XML takes a moment; done once per JVM). */
    private static final class Tika {
        static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
    }

    // ------------------------------------------------------------------------------------------------
    // the header section check

    /**
     * Offset where the header section starts (after an mbox "From " line and stray blank lines), or -1
     * when the input has no header section: its first line is not a "Name: value" header field.
     */
    private static int headerStart(byte[] raw, int offset, Defects defects) {
        int pos = offset;
        if (startsWith(raw, pos, "From ")) {
            pos = nextLine(raw, pos);
        }
        int blanks = 0;
        while (pos < raw.length && (raw[pos] == '\r' || raw[pos] == '\n')) {
            pos++;
            blanks++;
        }
        if (pos >= raw.length) {
            return -1;
        }
        int end = nextLine(raw, pos);
        String first = new String(raw, pos, end - pos, StandardCharsets.ISO_8859_1);
        if (!HEADER_LINE.matcher(first).find()) {
            return -1;
        }
        if (blanks > 0 && defects != null) {
            defects.add("blank lines before the header section");
        }
        return pos;
    }

    private static boolean startsWith(byte[] raw, int pos, String prefix) {
        if (raw.length - pos < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (raw[pos + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int nextLine(byte[] raw, int pos) {
        int i = pos;
        while (i < raw.length && raw[i] != '\n') {
            i++;
        }
        return Math.min(raw.length, i + 1);
    }

    private static boolean hasBlankLine(byte[] raw, int from) {
        boolean lineStart = true;
        for (int i = from; i < raw.length; i++) {
            byte b = raw[i];
            if (lineStart && (b == '\n' || b == '\r' && i + 1 < raw.length && raw[i + 1] == '\n')) {
                return true;
            }
            lineStart = b == '\n';
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------
    // parsing into a tree, with limits

    private static final class LimitExceeded extends Exception {
        final String reason;

        LimitExceeded(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    private final class Parser {
        final Defects defects;
        int parts;
        int maxDepthSeen;

        Parser(Defects defects) {
            this.defects = defects;
        }

        Entity parseMessage(byte[] bytes, int offset, int depth) throws IOException, MimeException, LimitExceeded {
            defects.headerOnly = !hasBlankLine(bytes, offset);
            MimeTokenStream stream = new MimeTokenStream(MIME_CONFIG, defects, null);
            stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
            stream.parse(new ByteArrayInputStream(bytes, offset, bytes.length - offset));
            Deque<Entity> stack = new ArrayDeque<>();
            Entity root = null;
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM;
                 state = stream.next()) {
                switch (state) {
                    case T_START_MESSAGE -> {
                        root = newEntity(depth);
                        stack.push(root);
                    }
                    case T_START_BODYPART -> {
                        Entity parent = stack.peek();
                        Entity child = newEntity(parent.depth + 1);
                        parent.children.add(child);
                        stack.push(child);
                    }
                    case T_FIELD -> {
                        Entity current = stack.peek();
                        Field field = stream.getField();
                        int fieldBytes = field.getRaw() == null ? 0 : field.getRaw().length();
                        if (fieldBytes > limits.maxHeaderBytes()) {
                            throw new LimitExceeded("header field bytes " + fieldBytes + " > limit "
                                    + limits.maxHeaderBytes());
                        }
                        current.fields.add(field);
                        if (current.fields.size() > limits.maxHeaders()) {
                            throw new LimitExceeded("headers " + current.fields.size() + " > limit "
                                    + limits.maxHeaders());
                        }
                    }
                    case T_START_MULTIPART -> stack.peek().descriptor(stream.getBodyDescriptor(), defects);
                    case T_PREAMBLE -> stack.peek().preamble = readAll(stream.getInputStream());
                    case T_BODY -> {
                        Entity current = stack.peek();
                        current.descriptor(stream.getBodyDescriptor(), defects);
                        current.body = readAll(stream.getDecodedInputStream());
                        if (current.isEmbeddedMessage()) {
                            current.embedded = parseEmbedded(current.body, current.depth + 1);
                        }
                    }
                    case T_END_BODYPART, T_END_MESSAGE -> stack.pop();
                    default -> {
                        // preamble, epilogue, header and multipart ends carry nothing we keep
                    }
                }
            }
            if (root == null) {
                throw new MimeException("no message");
            }
            return root;
        }

        private Entity parseEmbedded(byte[] bytes, int depth) throws IOException, MimeException, LimitExceeded {
            int start = headerStart(bytes, 0, null);
            if (start < 0) {
                defects.add("embedded message without header section");
                return null;
            }
            boolean outerHeaderOnly = defects.headerOnly;
            try {
                return parseMessage(bytes, start, depth);
            } finally {
                defects.headerOnly = outerHeaderOnly;
            }
        }

        private Entity newEntity(int depth) throws LimitExceeded {
            parts++;
            if (parts > limits.maxParts()) {
                throw new LimitExceeded("parts " + parts + " > limit " + limits.maxParts());
            }
            if (depth > limits.maxDepth()) {
                throw new LimitExceeded("depth " + depth + " > limit " + limits.maxDepth());
            }
            maxDepthSeen = Math.max(maxDepthSeen, depth);
            return new Entity(depth);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** One MIME entity of the tree. */
    private static final class Entity {
        final int depth;
        final List<Field> fields = new ArrayList<>();
        final List<Entity> children = new ArrayList<>();
        String mimeType = "text/plain";
        boolean multipart;
        byte[] body;
        /** Text before the first boundary of a multipart; only read when no part was found at all. */
        byte[] preamble;
        Entity embedded;
        String text;
        private Headers headers;
        private Params contentType;
        private Params disposition;

        Entity(int depth) {
            this.depth = depth;
        }

        void descriptor(BodyDescriptor d, Defects defects) {
            mimeType = d.getMimeType() == null ? "text/plain" : d.getMimeType().toLowerCase(Locale.ROOT);
            multipart = mimeType.startsWith("multipart/");
            String declared = contentType().value;
            if (declared != null && declared.toLowerCase(Locale.ROOT).startsWith("multipart/") && !multipart) {
                defects.add("multipart without boundary, read as text");
            }
        }

        String mimeType() {
            return mimeType;
        }

        /** Declared multipart/* but no boundary: its parts cannot be found, the structure cannot be decoded. */
        boolean declaredMultipartWithoutBoundary() {
            String declared = contentType().value;
            return declared != null && declared.toLowerCase(Locale.ROOT).startsWith("multipart/") && !multipart;
        }

        String subType() {
            int slash = mimeType.indexOf('/');
            return slash < 0 ? "" : mimeType.substring(slash + 1);
        }

        boolean isMultipart() {
            return multipart;
        }

        boolean isEmbeddedMessage() {
            return "message/rfc822".equals(mimeType) || "message/global".equals(mimeType);
        }

        boolean isBodyText() {
            boolean textType = "text/plain".equals(mimeType) || "text/html".equals(mimeType);
            return textType && !"attachment".equals(disposition().value) && fileName() == null;
        }

        String charsetParam() {
            return contentType().params.get("charset");
        }

        String fileName() {
            String name = disposition().decoded("filename");
            if (name == null || name.isBlank()) {
                name = contentType().decoded("name");
            }
            if (name == null || name.isBlank()) {
                return null;
            }
            String n = name.strip();
            int cut = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
            if (cut >= 0 && cut < n.length() - 1) {
                n = n.substring(cut + 1);
            }
            return n;
        }

        Params contentType() {
            if (contentType == null) {
                contentType = Params.of(first("content-type"));
            }
            return contentType;
        }

        Params disposition() {
            if (disposition == null) {
                disposition = Params.of(first("content-disposition"));
            }
            return disposition;
        }

        Field first(String lowerName) {
            for (Field f : fields) {
                if (lowerName.equalsIgnoreCase(f.getName())) {
                    return f;
                }
            }
            return null;
        }

        Headers headers() {
            if (headers == null) {
                headers = new Headers(fields);
            }
            return headers;
        }
    }

    /** A parameterized header (Content-Type, Content-Disposition) with RFC 2231 and RFC 2047 decoding. */
    private static final class Params {
        final String value;
        final Map<String, String> params;

        private Params(String value, Map<String, String> params) {
            this.value = value;
            this.params = params;
        }

        static Params of(Field field) {
            if (field == null) {
                return new Params(null, Map.of());
            }
            RawField raw = field instanceof RawField r ? r : new RawField(field.getName(), field.getBody());
            RawBody body = RawFieldParser.DEFAULT.parseRawBody(raw);
            Map<String, String> params = new LinkedHashMap<>();
            for (NameValuePair p : body.getParams()) {
                String name = p.getName().toLowerCase(Locale.ROOT).strip();
                params.putIfAbsent(name, p.getValue() == null ? "" : p.getValue());
            }
            String v = body.getValue() == null ? null : body.getValue().strip().toLowerCase(Locale.ROOT);
            return new Params(v, params);
        }

        /** The value of {@code name}, from RFC 2231 extended or continued parameters if present. */
        String decoded(String name) {
            String extended = params.get(name + "*");
            if (extended != null) {
                return rfc2231(List.of(new Segment(extended, true)));
            }
            if (params.containsKey(name + "*0") || params.containsKey(name + "*0*")) {
                List<Segment> segments = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    String enc = params.get(name + "*" + i + "*");
                    String plain = params.get(name + "*" + i);
                    if (enc != null) {
                        segments.add(new Segment(enc, true));
                    } else if (plain != null) {
                        segments.add(new Segment(plain, false));
                    } else {
                        break;
                    }
                }
                return rfc2231(segments);
            }
            String plain = params.get(name);
            if (plain == null) {
                return null;
            }
            String text = TextDecoding.redecodeLatin1(plain);
            return TextDecoding.decodeEncodedWords(text, null);
        }

        private record Segment(String value, boolean encoded) {
        }

        /** RFC 2231: charset'language'percent-encoded in the first encoded segment; continuations joined. */
        private static String rfc2231(List<Segment> segments) {
            Charset charset = null;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < segments.size(); i++) {
                Segment s = segments.get(i);
                String v = s.value();
                if (s.encoded()) {
                    if (i == 0) {
                        int q1 = v.indexOf('\'');
                        int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
                        if (q2 > 0) {
                            charset = TextDecoding.lookup(v.substring(0, q1));
                            v = v.substring(q2 + 1);
                        }
                    }
                    percentDecode(v, bytes);
                } else {
                    for (int k = 0; k < v.length(); k++) {
                        bytes.write((byte) v.charAt(k));
                    }
                }
            }
            byte[] b = bytes.toByteArray();
            if (charset != null) {
                return new String(b, charset);
            }
            return TextDecoding.decodeHeaderBytes(b);
        }

        private static void percentDecode(String v, ByteArrayOutputStream out) {
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                if (c == '%' && k + 2 < v.length()
                        && Character.digit(v.charAt(k + 1), 16) >= 0 && Character.digit(v.charAt(k + 2), 16) >= 0) {
                    out.write(Character.digit(v.charAt(k + 1), 16) * 16 + Character.digit(v.charAt(k + 2), 16));
                    k += 2;
                } else {
                    out.write((byte) c);
                }
            }
        }
    }

    /** Header fields of one message, decoded on demand. */
    private static final class Headers {
        private final List<Field> fields;

        Headers(List<Field> fields) {
            this.fields = fields;
        }

        /** Unfolded value of the first field with that name (raw bytes as UTF-8 or windows-1252). */
        String rawValue(String lowerName) {
            for (Field f : fields) {
                if (lowerName.equalsIgnoreCase(f.getName())) {
                    return unfoldedBody(f);
                }
            }
            return null;
        }

        /** Value with RFC 2047 encoded words decoded, trimmed; null when absent. */
        String unstructured(String lowerName) {
            return unstructured(lowerName, null);
        }

        /** As {@link #unstructured(String)}, reporting undecodable encoded words to {@code defects} if given. */
        String unstructured(String lowerName, Defects defects) {
            String v = rawValue(lowerName);
            if (v == null) {
                return null;
            }
            List<String> problems = defects == null ? null : new ArrayList<>();
            String decoded = TextDecoding.decodeEncodedWords(v, problems);
            if (problems != null) {
                problems.forEach(defects::add);
            }
            return TextDecoding.normalizeLines(decoded).replace('\n', ' ').strip();
        }

        List<NormalizedMail.Address> addresses(String lowerName, Defects defects) {
            List<NormalizedMail.Address> out = new ArrayList<>();
            for (Field f : fields) {
                if (!lowerName.equalsIgnoreCase(f.getName())) {
                    continue;
                }
                String value = unfoldedBody(f);
                if (value.isBlank()) {
                    continue;
                }
                AddressList list = parseAddresses(value);
                int before = out.size();
                for (Address a : list) {
                    if (a instanceof Mailbox m) {
                        add(out, m);
                    } else if (a instanceof Group g) {
                        for (Mailbox m : g.getMailboxes()) {
                            add(out, m);
                        }
                    }
                }
                if (out.size() == before) {
                    defects.add("no address in " + lowerName + " header");
                }
            }
            return out;
        }

        private static void add(List<NormalizedMail.Address> out, Mailbox m) {
            String address = m.getAddress();
            if (address == null || address.isBlank() || !address.contains("@")) {
                return;
            }
            String name = m.getName();
            if (name != null) {
                name = TextDecoding.redecodeLatin1(name).strip();
                if (name.isEmpty()) {
                    name = null;
                }
            }
            out.add(new NormalizedMail.Address(TextDecoding.redecodeLatin1(address).strip().toLowerCase(Locale.ROOT),
                    name));
        }

        Instant date(String lowerName) {
            String v = rawValue(lowerName);
            if (v == null || v.isBlank()) {
                return null;
            }
            RawField field = new RawField("Date", v.strip());
            Date date;
            try {
                DateTimeField strict = DateTimeFieldImpl.PARSER.parse(field, DecodeMonitor.SILENT);
                date = strict.getDate();
                if (date == null) {
                    date = DateTimeFieldLenientImpl.PARSER.parse(field, DecodeMonitor.SILENT).getDate();
                }
            } catch (RuntimeException e) {
                // mime4j's date parsers throw on absurd numbers (found by the fuzzer): a bad Date header is
                // no date, not an unreadable mail
                date = null;
            }
            if (date != null) {
                return date.toInstant();
            }
            try {
                String noComment = v.replaceAll("\\([^)]*\\)", "").strip();
                return ZonedDateTime.parse(noComment, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        private static String unfoldedBody(Field f) {
            String text;
            if (f.getRaw() != null) {
                String whole = TextDecoding.decodeHeaderBytes(f.getRaw().toByteArray());
                int colon = whole.indexOf(':');
                text = colon < 0 ? "" : whole.substring(colon + 1);
            } else {
                text = f.getBody() == null ? "" : f.getBody();
            }
            text = FOLD.matcher(text).replaceAll("");
            return text.replace("\r", "").replace("\n", "").strip();
        }

        /**
         * mime4j's address parser reads bytes, one char per byte: give it the UTF-8 bytes so that non-ASCII
         * names survive (re-decoded in {@link #add}). Its CharSequence overload sizes its cursor in chars
         * but parses the re-encoded bytes, which cut the end off a raw 8-bit header ("Jürgen Müller
         * &lt;j@example.com&gt;" lost its last letters), so the byte overload is used with the byte count.
         */
        private static AddressList parseAddresses(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            return LenientAddressParser.DEFAULT.parseAddressList(new ByteArrayBuffer(bytes, bytes.length, false),
                    new ParserCursor(0, bytes.length));
        }
    }

    /** Collects mime4j's warnings as short, content-free reasons. */
    private static final class Defects extends DecodeMonitor {
        private final Set<String> reasons = new LinkedHashSet<>();
        boolean headerOnly;
        /** Parts so far, uuencoded blocks included (this object lives for one normalize call). */
        int parts;

        @Override
        public boolean warn(String error, String dropDesc) {
            String reason = sanitize(error);
            if (reason != null) {
                add(reason);
            }
            return false;
        }

        @Override
        public boolean isListening() {
            return true;
        }

        void add(String reason) {
            if (reasons.size() < MAX_REASONS) {
                reasons.add(reason);
            }
        }

        boolean isEmpty() {
            return reasons.isEmpty();
        }

        List<String> list() {
            return List.copyOf(reasons);
        }

        private String sanitize(String error) {
            String e = error == null ? "" : error.replaceFirst("^Line \\d+: ", "");
            String lower = e.toLowerCase(Locale.ROOT);
            if (lower.startsWith("unexpected end of headers")) {
                // a message that is only a header section (no body) is legal (RFC 5322 §3.5)
                return headerOnly ? null : "header section ended prematurely";
            }
            if (lower.startsWith("body part ended prematurely")) {
                return "multipart body ended before its closing boundary";
            }
            if (lower.startsWith("invalid header")) {
                return "invalid header line skipped";
            }
            if (lower.startsWith("obsolete header")) {
                return "obsolete header syntax";
            }
            if (lower.contains("base64")) {
                return "invalid base64 data";
            }
            if (lower.contains("encoded value") || lower.contains("==")) {
                return "invalid quoted-printable data";
            }
            if (lower.contains("boundary")) {
                return "invalid multipart boundary";
            }
            if (lower.contains("encoded word") || lower.contains("encoding")) {
                return "invalid encoded word";
            }
            return "decoding defect";
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
