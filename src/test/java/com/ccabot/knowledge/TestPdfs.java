package com.ccabot.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs written by the tests with PDFBox: blocks of text wrapped into lines as a word processor would. */
final class TestPdfs {

    /** A heading or a paragraph in a font size. */
    record Block(float size, String text) {}

    private static final float MARGIN = 72;
    private static final PDRectangle PAGE = PDRectangle.A4;

    private TestPdfs() {}

    static Block heading(String text) {
        return new Block(18, text);
    }

    static Block paragraph(String text) {
        return new Block(11, text);
    }

    /** A PDF of the blocks; {@code title} and {@code created} go into the document information when not null. */
    static byte[] pdf(String title, Calendar created, List<Block> blocks) {
        return write(title, created, null, blocks);
    }

    /** A PDF that opens only with {@code password}. */
    static byte[] encrypted(String password, List<Block> blocks) {
        return write(null, null, password, blocks);
    }

    private static byte[] write(String title, Calendar created, String password, List<Block> blocks) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreationDate(created);
            PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float width = PAGE.getWidth() - 2 * MARGIN;
            PDPageContentStream page = null;
            float y = 0;
            for (Block block : blocks) {
                for (String line : wrap(block.text(), font, block.size(), width)) {
                    if (page == null || y < MARGIN) {
                        if (page != null) {
                            page.close();
                        }
                        PDPage next = new PDPage(PAGE);
                        document.addPage(next);
                        page = new PDPageContentStream(document, next);
                        y = PAGE.getHeight() - MARGIN;
                    }
                    page.beginText();
                    page.setFont(font, block.size());
                    page.newLineAtOffset(MARGIN, y);
                    page.showText(line);
                    page.endText();
                    y -= block.size() * 1.3f;
                }
                y -= block.size(); // the space between paragraphs
            }
            if (page != null) {
                page.close();
            }
            if (password != null) {
                document.protect(new StandardProtectionPolicy("owner-" + password, password, new AccessPermission()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(longer) / 1000 * size > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(longer);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
