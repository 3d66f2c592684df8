package org.proposals.proposal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.tabular.ImportColumn;
import org.proposals.kit.tabular.ImportProblems;
import org.proposals.kit.tabular.ImportRow;
import org.proposals.kit.tabular.Row;
import org.proposals.kit.tabular.RowError;
import org.proposals.kit.tabular.TabularFile;
import org.proposals.kit.time.CityClock;
import org.proposals.proposal.Proposal;
import org.proposals.proposal.ProposalSession;
import org.proposals.proposal.ProposerType;
import org.proposals.proposal.Topic;
import org.proposals.proposal.repository.ProposalRepository;
import org.proposals.proposal.repository.SessionRepository;
import org.proposals.proposal.repository.TopicRepository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports a session's proposals from the committee office's CSV or XLSX file. Every row is checked before
 * anything is written; by default one bad row means nothing is imported, so that a file is never half in.
 * Each row has a key (its number, or its title and lead proposer), so importing the same file again adds
 * nothing and reports the rows as already there.
 */
@ApplicationScoped
public class ProposalImport {

    /** What happened to one row. */
    public enum Outcome { IMPORTED, ALREADY_IMPORTED, INVALID }

    public record RowResult(int row, Outcome outcome, UUID proposalId, String number, List<RowError> errors) {
    }

    /** The import's report: counts and every row's outcome, in file order. */
    public record Report(UUID sessionId, String fileName, int rows, int imported, int alreadyImported, int invalid,
                         boolean filed, List<RowResult> results) {
    }

    /**
     * Proposals imported between two clears of the persistence context. Each flush checks every entity the context
     * holds: small windows keep that cheap. One is too small, since the session and the topics are then read again
     * for every proposal. Measured on 2,000 rows, the import's CPU, with a flush before every native statement: 8.6 s
     * with 50; 5.0-6.5 s with 3, 5 or 10; 5.7 s with 1. With flushes only where needed (importRows): 3.3-3.6 s with 3,
     * 4.0 s with 20.
     */
    private static final int BATCH = 3;
    static final int IMPORT_TIMEOUT_SECONDS = 900;
    private static final Pattern CO_PROPOSER = Pattern.compile("\\s*([^()（）]+?)\\s*[(（]\\s*([^()（）]+?)\\s*[)）]\\s*");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；、,，\\n]+");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy年M月d日"));

    @Inject
    ProposalService proposals;

    @Inject
    ProposalRepository repository;

    @Inject
    SessionRepository sessions;

    @Inject
    TopicRepository topics;

    @Inject
    CityClock clock;

    /**
     * @param keepValidRows import the valid rows even if others are invalid (they are reported)
     * @param file          file each imported proposal at once: the office's list holds proposals already filed (立案)
     */
    @Transactional
    // One transaction keeps a file all in or all out; a session's whole file (ten thousand rows) takes longer than the
    // default minute on a busy server, which would roll all of it back at the end.
    @TransactionConfiguration(timeout = IMPORT_TIMEOUT_SECONDS)
    public Report importFile(UUID sessionId, TabularFile table, String fileName, boolean keepValidRows, boolean file) {
        ProposalSession session = sessions.findByIdOptional(sessionId)
                .orElseThrow(() -> ApiProblem.invalid("sessionId", "no session " + sessionId));
        Map<ImportColumns, String> columns = ImportColumn.headingsIn(table, ImportColumns.class);
        Map<String, String> topicCodes = topicCodes();

        List<RowResult> results = new ArrayList<>();
        List<NewProposal> toImport = new ArrayList<>();
        List<Integer> rowOfImport = new ArrayList<>();
        Map<String, Integer> keysInFile = new HashMap<>();
        Map<String, Integer> numbersInFile = new HashMap<>();
        Map<String, ProposalRepository.Registered> importedBefore = new HashMap<>();
        Set<String> numbersUsed = new HashSet<>();
        for (ProposalRepository.Registered registered : repository.registeredIn(session.id)) {
            numbersUsed.add(registered.number());
            if (registered.importKey() != null) {
                importedBefore.put(registered.importKey(), registered);
            }
        }
        for (Row row : table.rows()) {
            RowReader reader = new RowReader(row, columns, table);
            NewProposal proposal = reader.read(session, topicCodes);
            String number = proposal == null ? null : proposal.number();
            String key = proposal == null ? null : importKey(session, proposal);
            if (proposal != null && number != null) {
                Integer earlier = numbersInFile.putIfAbsent(number, row.number());
                if (earlier != null) {
                    reader.error(ImportColumns.NUMBER, "number " + number + " is also on row " + earlier);
                } else if (session.format().sequenceOf(session, number).isEmpty()) {
                    reader.error(ImportColumns.NUMBER, "'" + number + "' is not a number of this session in its format "
                            + session.numberFormat + " (e.g. " + session.format().example(session) + ")");
                }
            }
            if (proposal != null && reader.valid()) {
                Integer earlier = keysInFile.putIfAbsent(key, row.number());
                if (earlier != null) {
                    reader.error(ImportColumns.TITLE, "the same proposal (title and proposer) is also on row " + earlier);
                }
            }
            if (!reader.valid()) {
                results.add(new RowResult(row.number(), Outcome.INVALID, null, null, reader.errors()));
                continue;
            }
            ProposalRepository.Registered existing = importedBefore.get(key);
            if (existing != null) {
                results.add(new RowResult(row.number(), Outcome.ALREADY_IMPORTED, existing.id(), existing.number(), List.of()));
                continue;
            }
            if (number != null && numbersUsed.contains(number)) {
                reader.error(ImportColumns.NUMBER, "number " + number + " is already used in session " + session.name
                        + " by another proposal");
                results.add(new RowResult(row.number(), Outcome.INVALID, null, null, reader.errors()));
                continue;
            }
            results.add(null); // filled in once imported
            toImport.add(new NewProposal(session.id, null, proposal.title(), proposal.content(), proposal.proposer(),
                    proposal.coProposers(), proposal.topics(), proposal.keywords(), proposal.submittedOn(), null, number, key));
            rowOfImport.add(results.size() - 1);
        }

        int invalid = (int) results.stream().filter(r -> r != null && r.outcome() == Outcome.INVALID).count();
        if (invalid > 0 && !keepValidRows) {
            throw rejected(results, invalid);
        }
        // The rows are written at each clearing of the persistence context (BATCH) and at the commit; no automatic flush
        // before every native statement, which only dirty-checked the same entities again.
        Session orm = repository.getEntityManager().unwrap(Session.class);
        FlushMode flushMode = orm.getHibernateFlushMode();
        orm.setHibernateFlushMode(FlushMode.COMMIT);
        try {
            importRows(toImport, rowOfImport, results, table, file);
        } finally {
            orm.setHibernateFlushMode(flushMode);
        }
        int alreadyImported = (int) results.stream().filter(r -> r.outcome() == Outcome.ALREADY_IMPORTED).count();
        return new Report(session.id, fileName, results.size(), toImport.size(), alreadyImported, invalid, file, results);
    }

    private void importRows(List<NewProposal> toImport, List<Integer> rowOfImport, List<RowResult> results, TabularFile table,
                            boolean file) {
        for (int i = 0; i < toImport.size(); i++) {
            if (i > 0 && i % BATCH == 0) {
                // Writing the rows out and forgetting them keeps a large import linear instead of quadratic (see
                // BATCH). Nothing read before is used after this point.
                repository.flush();
                repository.getEntityManager().clear();
            }
            Proposal imported = file ? proposals.submitFiled(toImport.get(i)) : proposals.submit(toImport.get(i));
            int at = rowOfImport.get(i);
            results.set(at, new RowResult(table.rows().get(at).number(), Outcome.IMPORTED, imported.id, imported.number, List.of()));
        }
    }

    /** Topic codes by code and by Chinese name, so that the office's file may use either. */
    private Map<String, String> topicCodes() {
        Map<String, String> codes = new HashMap<>();
        for (Topic topic : topics.inOrder(false)) {
            codes.put(topic.code, topic.code);
            codes.put(topic.name, topic.code);
        }
        return codes;
    }

    /** A row is the same proposal again if it has the same number, or, without a number, the same title and proposer. */
    private static String importKey(ProposalSession session, NewProposal p) {
        String identity = p.number() != null ? "number:" + p.number()
                : "title:" + p.title().strip() + "\u0000proposer:" + p.proposer().id().strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((session.id + "\u0000" + identity).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static ApiProblem rejected(List<RowResult> results, int invalid) {
        return ImportProblems.rejected(invalid, results.size(), results.stream()
                .filter(r -> r != null && r.outcome() == Outcome.INVALID).flatMap(r -> r.errors().stream()).toList());
    }

    /** Reads one row into a registration, collecting every error instead of stopping at the first. */
    private final class RowReader extends ImportRow<ImportColumns> {

        RowReader(Row row, Map<ImportColumns, String> columns, TabularFile table) {
            super(row, table, columns, ImportColumns::heading);
        }

        NewProposal read(ProposalSession session, Map<String, String> topicCodes) {
            String number = optional(ImportColumns.NUMBER, 40);
            String title = required(ImportColumns.TITLE, 200);
            String content = required(ImportColumns.CONTENT, 50_000);
            String proposerId = required(ImportColumns.PROPOSER_ID, 100);
            String proposerName = required(ImportColumns.PROPOSER, 200);
            ProposerType type = proposerType();
            ProposerType.GroupKind groupKind = groupKind(type);
            String sector = optional(ImportColumns.SECTOR, 200);
            String contact = optional(ImportColumns.CONTACT, 200);
            List<NewProposal.ProposerDetails> coProposers = coProposers(proposerId);
            List<String> topicList = topics(topicCodes);
            List<String> keywords = list(cell(ImportColumns.KEYWORDS));
            if (keywords.size() > 20 || keywords.stream().anyMatch(k -> k.length() > 50)) {
                error(ImportColumns.KEYWORDS, "at most 20 keywords of at most 50 characters each");
            }
            LocalDate submittedOn = date();
            if (!valid()) {
                return null;
            }
            return new NewProposal(session.id, null, title, content,
                    new NewProposal.ProposerDetails(type, groupKind, proposerId, proposerName, sector, contact),
                    coProposers, topicList, keywords, submittedOn, null, number, null);
        }

        private ProposerType proposerType() {
            String value = cell(ImportColumns.PROPOSER_TYPE);
            return switch (value) {
                case "", "个人", "委员", "代表", "MEMBER" -> ProposerType.MEMBER;
                case "集体", "GROUP" -> ProposerType.GROUP;
                default -> {
                    error(ImportColumns.PROPOSER_TYPE, "'" + value + "' is not 个人 (MEMBER) or 集体 (GROUP)");
                    yield ProposerType.MEMBER;
                }
            };
        }

        private ProposerType.GroupKind groupKind(ProposerType type) {
            String value = cell(ImportColumns.GROUP_KIND);
            ProposerType.GroupKind kind = switch (value) {
                case "" -> null;
                case "党派", "PARTY" -> ProposerType.GroupKind.PARTY;
                case "界别", "SECTOR" -> ProposerType.GroupKind.SECTOR;
                case "专委会", "专门委员会", "SPECIAL_COMMITTEE" -> ProposerType.GroupKind.SPECIAL_COMMITTEE;
                default -> {
                    error(ImportColumns.GROUP_KIND, "'" + value + "' is not 党派, 界别 or 专委会");
                    yield null;
                }
            };
            if (type == ProposerType.GROUP && kind == null && value.isEmpty()) {
                error(ImportColumns.GROUP_KIND, "a group proposer needs its kind: 党派, 界别 or 专委会");
            } else if (type == ProposerType.MEMBER && kind != null) {
                error(ImportColumns.GROUP_KIND, "only a group proposer (提案人类型 集体) has a group kind");
            }
            return kind;
        }

        /** 附议人 as the office lists them: 李委员(member-li)；王委员(member-wang). */
        private List<NewProposal.ProposerDetails> coProposers(String leadId) {
            List<NewProposal.ProposerDetails> found = new ArrayList<>();
            List<String> seen = new ArrayList<>(List.of(leadId));
            for (String entry : list(cell(ImportColumns.CO_PROPOSERS))) {
                Matcher m = CO_PROPOSER.matcher(entry);
                if (!m.matches()) {
                    error(ImportColumns.CO_PROPOSERS, "'" + entry + "' is not written as name(id), e.g. 李委员(member-li)");
                } else if (seen.contains(m.group(2))) {
                    error(ImportColumns.CO_PROPOSERS, m.group(2) + " is named twice among the proposers");
                } else {
                    seen.add(m.group(2));
                    found.add(new NewProposal.ProposerDetails(ProposerType.MEMBER, null, m.group(2), m.group(1), null, null));
                }
            }
            if (found.size() > 100) {
                error(ImportColumns.CO_PROPOSERS, "at most 100 co-proposers");
            }
            return found;
        }

        private List<String> topics(Map<String, String> topicCodes) {
            List<String> codes = new ArrayList<>();
            for (String topic : list(cell(ImportColumns.TOPICS))) {
                String code = topicCodes.get(topic);
                if (code == null) {
                    error(ImportColumns.TOPICS, "'" + topic + "' is not a topic of the taxonomy (GET /api/v1/topics)");
                } else if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
            return codes;
        }

        private LocalDate date() {
            String value = cell(ImportColumns.SUBMITTED_ON);
            if (value.isEmpty()) {
                return null;
            }
            String day = value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value;
            for (DateTimeFormatter format : DATES) {
                try {
                    LocalDate date = LocalDate.parse(day, format);
                    if (date.isAfter(clock.today())) {
                        error(ImportColumns.SUBMITTED_ON, value + " is in the future");
                    }
                    return date;
                } catch (DateTimeParseException e) {
                    // try the next way of writing a date
                }
            }
            error(ImportColumns.SUBMITTED_ON, "'" + value + "' is not a date such as 2022-01-12");
            return null;
        }

        private static List<String> list(String cell) {
            return LIST_SEPARATOR.splitAsStream(cell).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }
}
