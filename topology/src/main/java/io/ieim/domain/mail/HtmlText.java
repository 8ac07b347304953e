package io.ieim.domain.mail;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * Readable text from HTML with jsoup: paragraphs, divs, headings, table rows and list items start new
 * lines, {@code <br>} breaks a line, list items get a "- " bullet, table cells are separated by a tab,
 * {@code <pre>} keeps its whitespace; scripts, styles and the head are dropped.
 */
final class HtmlText {

    private static final Set<String> BLOCK = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "dl", "dt", "dd", "table", "tr", "blockquote", "pre", "address", "article", "aside", "section",
            "header", "footer", "nav", "main", "figure", "figcaption", "form", "fieldset", "center", "hr",
            "tbody", "thead", "tfoot", "caption", "details", "summary");

    private static final Set<String> SKIP = Set.of("script", "style", "head", "title", "noscript", "template",
            "object", "iframe", "svg", "xml");

    private HtmlText() {
    }

    static String toText(String html) {
        Document doc = Jsoup.parse(html);
        Element root = doc.body() != null ? doc.body() : doc;
        Builder b = new Builder();
        NodeTraversor.traverse(b, root);
        return tidy(b.out.toString());
    }

    private static final class Builder implements NodeVisitor {
        final StringBuilder out = new StringBuilder();
        int skipDepth;
        int preDepth;

        @Override
        public void head(Node node, int depth) {
            if (skipDepth > 0) {
                if (node instanceof Element) {
                    skipDepth++;
                }
                return;
            }
            if (node instanceof TextNode text) {
                if (preDepth > 0) {
                    out.append(text.getWholeText());
                } else {
                    appendCollapsed(text.getWholeText());
                }
                return;
            }
            if (!(node instanceof Element el)) {
                return;
            }
            String name = el.normalName();
            if (SKIP.contains(name)) {
                skipDepth = 1;
                return;
            }
            switch (name) {
                case "br" -> out.append('\n');
                case "li" -> {
                    newLine();
                    out.append("- ");
                }
                case "td", "th" -> {
                    if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                        out.append('\t');
                    }
                }
                default -> {
                    if (BLOCK.contains(name)) {
                        newLine();
                    }
                }
            }
            if ("pre".equals(name)) {
                preDepth++;
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (skipDepth > 0) {
                if (node instanceof Element) {
                    skipDepth--;
                }
                return;
            }
            if (!(node instanceof Element el)) {
                return;
            }
            String name = el.normalName();
            if ("pre".equals(name)) {
                preDepth--;
            }
            if (BLOCK.contains(name) || "li".equals(name)) {
                newLine();
            }
        }

        private void newLine() {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private void appendCollapsed(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean space = Character.isWhitespace(c) || c == '\u00A0';
                if (space) {
                    if (c == '\u00A0') {
                        // a non-breaking space is intended: keep one, even at a line start (Outlook's empty paragraph)
                        out.append(' ');
                    } else if (!out.isEmpty() && out.charAt(out.length() - 1) != ' '
                            && out.charAt(out.length() - 1) != '\n' && out.charAt(out.length() - 1) != '\t') {
                        out.append(' ');
                    }
                } else {
                    out.append(c);
                }
            }
        }
    }

    /** Trims every line, keeps at most one empty line in a row, trims the whole text. */
    static String tidy(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        int blank = 0;
        for (String line : lines) {
            String t = line.strip();
            if (t.isEmpty()) {
                blank++;
                if (blank > 1) {
                    continue;
                }
            } else {
                blank = 0;
            }
            out.append(t).append('\n');
        }
        return out.toString().strip();
    }
}
