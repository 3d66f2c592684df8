package org.proposals.reply.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.proposals.kit.tabular.CsvWriter;
import org.proposals.kit.tabular.XlsxWriter;
import org.proposals.reply.MeasureKind;
import org.proposals.reply.WorkMeasure;
import org.proposals.reply.repository.WorkMeasureRepository;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The register of work measures as the annual handling summary's appendix lists them: each proposal with the measures
 * it led to (提案转化为实际工作措施). Also written as CSV and as a workbook, one line per proposal and measure.
 */
public record WorkMeasureRegister(String unitId, Integer year, int proposalCount, int measureCount,
                                  List<ProposalMeasures> proposals) {

    @Schema(name = "WorkMeasureRegisterProposal")
    public record ProposalMeasures(UUID proposalId, String proposalTitle, List<Measure> measures) {
    }

    @Schema(name = "WorkMeasureRegisterMeasure")
    public record Measure(UUID id, String unitId, MeasureKind kind, String kindLabel, String title, String documentNumber,
                          LocalDate issuedOn, String issuer) {

        static Measure of(WorkMeasure m) {
            return new Measure(m.id, m.unitId, m.kind, m.kind.label(), m.title, m.documentNumber, m.issuedOn, m.issuer);
        }
    }

    /** The headings of the CSV and workbook columns. */
    static final List<String> HEADINGS = List.of("序号", "提案", "承办单位", "措施类型", "工作措施", "文号", "日期", "发文单位");

    /** Groups the register's lines, which come ordered by proposal, keeping that order; a measure appears once per proposal. */
    static WorkMeasureRegister of(String unitId, Integer year, List<WorkMeasureRepository.RegisterLine> lines) {
        Map<UUID, ProposalMeasures> byProposal = new LinkedHashMap<>();
        Set<UUID> measureIds = new HashSet<>();
        for (WorkMeasureRepository.RegisterLine line : lines) {
            ProposalMeasures group = byProposal.computeIfAbsent(line.proposalId(),
                    id -> new ProposalMeasures(id, line.proposalTitle(), new ArrayList<>()));
            if (group.measures().stream().noneMatch(m -> m.id().equals(line.measure().id))) {
                group.measures().add(Measure.of(line.measure()));
            }
            measureIds.add(line.measure().id);
        }
        List<ProposalMeasures> proposals = byProposal.values().stream()
                .map(p -> new ProposalMeasures(p.proposalId(), p.proposalTitle(), List.copyOf(p.measures())))
                .toList();
        return new WorkMeasureRegister(unitId, year, proposals.size(), measureIds.size(), proposals);
    }

    /** One row per proposal and measure, the proposal numbered in the register's order. */
    List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        int number = 0;
        for (ProposalMeasures p : proposals) {
            number++;
            for (Measure m : p.measures()) {
                List<Object> row = new ArrayList<>();
                row.add(number);
                row.add(p.proposalTitle());
                row.add(m.unitId());
                row.add(m.kindLabel());
                row.add(m.title());
                row.add(m.documentNumber());
                row.add(m.issuedOn());
                row.add(m.issuer());
                rows.add(row);
            }
        }
        return rows;
    }

    /** For spreadsheets: UTF-8 with a byte order mark, CRLF line ends (RFC 4180). */
    byte[] csv() {
        return CsvWriter.toBytes(HEADINGS, rows());
    }

    byte[] xlsx() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeXlsx(bytes);
        return bytes.toByteArray();
    }

    void writeXlsx(OutputStream out) {
        try (XlsxWriter xlsx = new XlsxWriter(out, "工作措施")) {
            xlsx.row(HEADINGS);
            rows().forEach(xlsx::row);
        }
    }
}
