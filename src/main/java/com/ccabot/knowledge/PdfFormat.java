package com.ccabot.knowledge;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF: its text in reading order, a paragraph a line, with the title and date from the document information or
 * else from the first lines.
 *
 * <p>PDFs hold lines, not sentences: the lines of a paragraph are joined (a word hyphenated at a line end made
 * whole again), and a paragraph that runs on over a page break is joined too. A change of font size, as from a
 * headline to the text under it, ends a paragraph. Page numbers standing alone are left out.
 */
final class PdfFormat implements ArticleFormat {

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)(page\\s+)?[-–—]?\\s*\\d{1,4}\\s*[-–—]?(\\s+of\\s+\\d{1,4})?");
    /** What authoring tools put into Title when the author did not: "Microsoft Word - draft.docx", "untitled". */
    private static final Pattern TOOL_TITLE = Pattern.compile("(?i)(microsoft \\w+ - .*|untitled.*|.*\\.(docx?|odt|pdf|indd|rtf))");
    private static final String ENDS_SENTENCE = ".!?…:;\"”’')]。！？";
    /** A line this much larger or smaller than the one before it starts a new paragraph. */
    private static final float SIZE_CHANGE = 0.15f;

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Override
    public Article read(String file, byte[] content) {
        try (PDDocument document = Loader.loadPDF(content)) {
            if (!document.getCurrentAccessPermission().canExtractContent()) {
                throw new KnowledgeException("the PDF's permissions do not allow copying its text");
            }
            String body = String.join("\n", paragraphs(text(document)));
            if (body.isBlank()) {
                throw new KnowledgeException("no text in the PDF (a scan without a text layer?)");
            }
            PDDocumentInformation info = document.getDocumentInformation();
            String title = title(info);
            LocalDate date = date(info.getCreationDate());
            if (title == null) {
                Headline headline = Headline.read(body, splitter);
                title = headline.title();
                date = date != null ? date : headline.date();
                body = headline.text();
            }
            if (title != null && firstLine(body).equalsIgnoreCase(title)) {
                body = body.substring(firstLine(body).length()).strip(); // the headline, a paragraph of its own
            }
            if (body.isBlank()) {
                throw new KnowledgeException("no text in the PDF besides its title");
            }
            FileName name = FileName.of(file);
            return new Article(file, title != null ? title : name.title(), date != null ? date : name.date(),
                    null, blankToNull(info.getAuthor()), null, null, body);
        } catch (InvalidPasswordException e) {
            throw new KnowledgeException("encrypted PDF: it needs a password to open");
        } catch (KnowledgeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // a damaged file can make the parser fail in ways other than IOException; it is one bad file all the same
            throw new KnowledgeException("not a readable PDF: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static String text(PDDocument document) throws IOException {
        ParagraphStripper stripper = new ParagraphStripper();
        StringWriter text = new StringWriter();
        stripper.writeText(document, text);
        return text.toString().replace("\r", "");
    }

    /** The paragraphs of the stripped text, each on one line. */
    private static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : PARAGRAPH_BREAK.split(text)) {
            String paragraph = joinLines(block.lines().filter(line -> !PAGE_NUMBER.matcher(line.strip()).matches()).toList());
            if (paragraph.isEmpty()) {
                continue;
            }
            int last = paragraphs.size() - 1;
            if (last >= 0 && runsOn(paragraphs.get(last), paragraph)) {
                paragraphs.set(last, joinLines(List.of(paragraphs.get(last), paragraph))); // over a page break
            } else {
                paragraphs.add(paragraph);
            }
        }
        return paragraphs;
    }

    /** Joins the lines of one paragraph, making a word hyphenated at a line end whole. */
    private static String joinLines(List<String> lines) {
        StringBuilder joined = new StringBuilder();
        for (String raw : lines) {
            String line = ArticleText.oneLine(raw);
            if (line.isEmpty()) {
                continue;
            }
            int end = joined.length();
            if (end == 0) {
                joined.append(line);
            } else if (joined.charAt(end - 1) == '-' && end > 1 && Character.isLetter(joined.charAt(end - 2))) {
                if (Character.isLowerCase(line.codePointAt(0))) {
                    joined.setLength(end - 1); // "coope-" + "ration"
                }
                joined.append(line); // "China-" + "Central Asia" keeps its hyphen
            } else {
                joined.append(' ').append(line);
            }
        }
        return joined.toString();
    }

    /** Whether {@code next} goes on with the sentence {@code previous} leaves unfinished. */
    private static boolean runsOn(String previous, String next) {
        char last = previous.charAt(previous.length() - 1);
        return ENDS_SENTENCE.indexOf(last) < 0 && Character.isLowerCase(next.codePointAt(0));
    }

    private static String title(PDDocumentInformation info) {
        String title = blankToNull(info.getTitle());
        return title == null || TOOL_TITLE.matcher(title).matches() ? null : ArticleText.oneLine(title);
    }

    private static LocalDate date(Calendar calendar) {
        return calendar == null ? null : calendar.toInstant().atZone(calendar.getTimeZone().toZoneId()).toLocalDate();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * PDFBox's text stripper, sorting by position, writing a blank line between paragraphs, and starting a new
     * paragraph where the font size changes.
     */
    private static final class ParagraphStripper extends PDFTextStripper {

        private boolean lineStart = true;
        private float lastSize;

        ParagraphStripper() {
            setSortByPosition(true);
            setLineSeparator("\n");
            setParagraphEnd("\n");
            setPageEnd("\n\n");
        }

        @Override
        protected void writePageStart() throws IOException {
            super.writePageStart();
            lineStart = true;
        }

        @Override
        protected void writeLineSeparator() throws IOException {
            super.writeLineSeparator();
            lineStart = true;
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            if (lineStart && !positions.isEmpty()) {
                float size = positions.get(0).getFontSizeInPt();
                if (lastSize > 0 && Math.abs(size - lastSize) > SIZE_CHANGE * Math.max(size, lastSize)) {
                    output.write("\n");
                }
                lastSize = size;
                lineStart = false;
            }
            super.writeString(text, positions);
        }
    }
}
