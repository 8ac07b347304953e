package io.ieim.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test mails for the attachment scanning stage (in the topology test-jar, for the launcher's stack test too). */
public final class ScanFixtures {

    private ScanFixtures() {
    }

    /** A zip archive with one file. */
    public static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A rendered scan of a German claim letter (policy KF-20481234), 1240x900 PNG. */
    public static byte[] scannedClaimLetter() {
        try (InputStream in = ScanFixtures.class.getResourceAsStream("scanned-claim-letter.png")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same letter as a one-page PDF (made by tesseract from the PNG: the scan as image, an invisible text layer). */
    public static byte[] scannedClaimLetterPdf() {
        try (InputStream in = ScanFixtures.class.getResourceAsStream("scanned-claim-letter.pdf")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multipart/mixed mail: a text part, then one base64 attachment (part path "2"). */
    public static String mailWithAttachment(String messageId, String subject, String body, String fileName, String type,
                                            byte[] content) {
        return "From: juergen.mueller@example.de\r\nTo: schaden@versicherung.example\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <" + messageId + ">\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n"
                + "--b1\r\nContent-Type: " + type + "; name=\"" + fileName + "\"\r\nContent-Disposition: attachment; filename=\""
                + fileName + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(content) + "\r\n--b1--\r\n";
    }

    public static byte[] bytes(String mime) {
        return mime.getBytes(StandardCharsets.UTF_8);
    }
}
