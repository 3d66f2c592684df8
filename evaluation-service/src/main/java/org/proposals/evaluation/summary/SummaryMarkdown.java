package org.proposals.evaluation.summary;

import org.proposals.evaluation.summary.SummaryText.Block;
import org.proposals.evaluation.summary.SummaryText.Heading;
import org.proposals.evaluation.summary.SummaryText.Label;
import org.proposals.evaluation.summary.SummaryText.PageBreak;
import org.proposals.evaluation.summary.SummaryText.Paragraph;
import org.proposals.evaluation.summary.SummaryText.Table;
import org.proposals.evaluation.summary.SummaryText.Title;
import org.proposals.kit.document.Run;

import java.util.List;

/**
 * The annual handling summary as Markdown, for a preview or a draft to edit: the same text as
 * {@link SummaryDocx}, the title as {@code #}, headings as {@code ##} to {@code ####}, each placeholder as
 * {@code <mark>【待填写：……】</mark>} (highlighted where Markdown is shown, and found by searching for 待填写),
 * the register as a pipe table.
 */
public final class SummaryMarkdown {

    /** Characters Markdown could take for markup; each is written with a backslash before it. */
    private static final String MARKUP = "\\`*_[]<>#|~&!";

    private SummaryMarkdown() {
    }

    public static String render(AnnualSummary summary) {
        StringBuilder markdown = new StringBuilder();
        for (Block block : SummaryText.of(summary)) {
            if (block instanceof Title title) {
                markdown.append("# ").append(escape(title.text()));
            } else if (block instanceof Heading heading) {
                markdown.append("#".repeat(heading.level() + 1)).append(' ').append(escape(heading.text()));
            } else if (block instanceof Paragraph paragraph) {
                paragraph.runs().forEach(run -> markdown.append(run(run)));
            } else if (block instanceof Label label) {
                markdown.append(escape(label.text()));
            } else if (block instanceof Table table) {
                table(markdown, table);
            } else if (block instanceof PageBreak) {
                markdown.append("---");
            }
            markdown.append("\n\n");
        }
        return markdown.toString().stripTrailing() + "\n";
    }

    private static String run(Run run) {
        return run.placeholder() ? "<mark>" + escape(run.text()) + "</mark>" : escape(run.text());
    }

    private static void table(StringBuilder markdown, Table table) {
        row(markdown, table.header());
        markdown.append("|---".repeat(table.header().size())).append("|\n");
        table.rows().forEach(row -> row(markdown, row));
        markdown.setLength(markdown.length() - 1);
    }

    private static void row(StringBuilder markdown, List<String> cells) {
        markdown.append('|');
        cells.forEach(cell -> markdown.append(' ').append(escape(cell).replace('\n', ' ')).append(" |"));
        markdown.append('\n');
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (MARKUP.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
