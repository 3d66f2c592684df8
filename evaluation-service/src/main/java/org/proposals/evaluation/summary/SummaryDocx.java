package org.proposals.evaluation.summary;

import org.proposals.evaluation.summary.SummaryText.Block;
import org.proposals.evaluation.summary.SummaryText.Heading;
import org.proposals.evaluation.summary.SummaryText.Label;
import org.proposals.evaluation.summary.SummaryText.PageBreak;
import org.proposals.evaluation.summary.SummaryText.Paragraph;
import org.proposals.evaluation.summary.SummaryText.Table;
import org.proposals.evaluation.summary.SummaryText.Title;
import org.proposals.kit.document.DocxWriter;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/**
 * The annual handling summary as a Word document for the office to finish and send: the figures written
 * out, each placeholder highlighted in yellow, the register of work measures as the appendix's table.
 */
public final class SummaryDocx {

    private SummaryDocx() {
    }

    public static byte[] render(AnnualSummary summary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(summary, out);
        return out.toByteArray();
    }

    /** Writes the document to {@code out} and closes it. */
    public static void write(AnnualSummary summary, OutputStream out) {
        try (DocxWriter docx = new DocxWriter(out)) {
            for (Block block : SummaryText.of(summary)) {
                if (block instanceof Title title) {
                    docx.title(title.text());
                } else if (block instanceof Heading heading) {
                    docx.heading(heading.level(), heading.text());
                } else if (block instanceof Paragraph paragraph) {
                    docx.paragraph(paragraph.runs());
                } else if (block instanceof Label label) {
                    docx.label(label.text());
                } else if (block instanceof Table table) {
                    docx.table(table.header(), table.rows(), table.widths());
                } else if (block instanceof PageBreak) {
                    docx.pageBreak();
                }
            }
        }
    }
}
