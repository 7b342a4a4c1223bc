package com.ccabot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PdfFormatTest {

    private final PdfFormat pdf = new PdfFormat();

    @Test
    void readsTheTextAParagraphALineWithTitleAndDateFromTheDocumentInformation() {
        Article article = pdf.read("reports/qamchiq.pdf", TestArticles.qamchiqPdf());

        assertThat(article.title()).isEqualTo(TestArticles.QAMCHIQ_TITLE);
        assertThat(article.date()).isEqualTo(LocalDate.of(2016, 6, 23));
        assertThat(article.text().split("\n")).containsExactlyElementsOf(TestArticles.QAMCHIQ_TEXT);
        assertThat(article.file()).isEqualTo("reports/qamchiq.pdf");
    }

    @Test
    void withoutDocumentInformationTakesTheTitleFromTheFirstLineAndTheDateFromTheFileName() {
        Article article = pdf.read("2016-06-23-tunnel.pdf", TestArticles.qamchiqPdfWithoutMetadata());

        assertThat(article.title()).isEqualTo(TestArticles.QAMCHIQ_TITLE);
        assertThat(article.date()).isEqualTo(LocalDate.of(2016, 6, 23));
        assertThat(article.text().split("\n")).containsExactlyElementsOf(TestArticles.QAMCHIQ_TEXT);
    }

    @Test
    void joinsAParagraphThatRunsOnOverAPageBreakAndLeavesPageNumbersOut() {
        List<TestPdfs.Block> blocks = new java.util.ArrayList<>();
        blocks.add(TestPdfs.heading("A long report"));
        for (int i = 1; i <= 40; i++) {
            blocks.add(TestPdfs.paragraph("Paragraph " + i + " says that the containers crossed the border at Khorgos"
                    + " on wagons of a wider gauge and that the cranes worked through the night without a pause."));
        }
        blocks.add(TestPdfs.paragraph("7"));

        Article article = pdf.read("report.pdf", TestPdfs.pdf(null, null, blocks));

        assertThat(article.title()).isEqualTo("A long report");
        assertThat(article.text().split("\n")).hasSize(40)
                .allSatisfy(line -> assertThat(line).matches("Paragraph \\d+ says .* without a pause\\."));
    }

    @Test
    void refusesAnEncryptedPdfSayingSo() {
        byte[] locked = TestPdfs.encrypted("secret", TestArticles.qamchiqBlocks(true));

        assertThatThrownBy(() -> pdf.read("locked.pdf", locked)).isInstanceOf(KnowledgeException.class)
                .hasMessage("encrypted PDF: it needs a password to open");
    }

    @Test
    void refusesABrokenPdfSayingSo() {
        byte[] broken = java.util.Arrays.copyOf(TestArticles.qamchiqPdf(), 300);

        assertThatThrownBy(() -> pdf.read("broken.pdf", broken)).isInstanceOf(KnowledgeException.class)
                .hasMessageStartingWith("not a readable PDF");
        assertThatThrownBy(() -> pdf.read("text.pdf", "just text".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(KnowledgeException.class).hasMessageStartingWith("not a readable PDF");
    }

    @Test
    void refusesAPdfWithoutText() {
        byte[] blank = TestPdfs.pdf("Blank", null, List.of());

        assertThatThrownBy(() -> pdf.read("blank.pdf", blank)).isInstanceOf(KnowledgeException.class)
                .hasMessageContaining("no text in the PDF");
    }
}
