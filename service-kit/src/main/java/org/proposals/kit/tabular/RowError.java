package org.proposals.kit.tabular;

/**
 * One reason an imported row is refused: the row as the spreadsheet shows it, the column's letter and
 * heading (or {@code -} when the file lacks the column), and what is wrong.
 */
public record RowError(int row, String column, String heading, String reason) {
}
