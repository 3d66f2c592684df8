package org.proposals.supervision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.proposals.events.HandlingType;
import org.proposals.events.Proposer;
import org.proposals.events.ResultCategory;
import org.proposals.events.SatisfactionRating;
import org.proposals.events.assignment.AssignmentAdjusted;
import org.proposals.events.assignment.AssignmentAdjustmentRejected;
import org.proposals.events.assignment.AssignmentAdjustmentRequested;
import org.proposals.events.assignment.DeadlineMissed;
import org.proposals.events.assignment.ExtensionGranted;
import org.proposals.events.assignment.ExtensionRejected;
import org.proposals.events.assignment.ProgressReportSubmitted;
import org.proposals.events.assignment.ProposalSupervised;
import org.proposals.events.assignment.RehandlingStarted;
import org.proposals.events.assignment.SupervisionDirectiveIssued;
import org.proposals.events.assignment.SupervisionDirectiveRejected;
import org.proposals.events.evaluation.RehandlingRequested;
import org.proposals.events.evaluation.SatisfactionRecorded;
import org.proposals.events.proposal.ProposalClosed;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.events.reply.ReplyDelivered;
import org.proposals.supervision.rest.DirectiveRequest;
import org.proposals.supervision.rest.SupervisionViews;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract the city maps to (contract/supervision-system.yaml) says what the adapter really sends and takes:
 * every report type, every field of every report, every field of a directive. A change on either side without the
 * other fails here.
 */
@QuarkusTest
class ContractTest {

    private static final JsonNode CONTRACT = read();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theContractNamesEveryReportTypeAndDirectiveField() {
        Set<String> types = Arrays.stream(ReportType.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(types, texts(schema("StatusReport").at("/properties/type/enum")));
        assertEquals(types, names(schema("StatusReport").at("/properties/details/x-details-by-type")));
        Set<String> directiveFields = Arrays.stream(DirectiveRequest.class.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(directiveFields, names(schema("Directive").get("properties")));
        Set<String> directiveTypes = Arrays.stream(ReceivedDirective.Type.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(directiveTypes, texts(schema("Directive").at("/properties/type/enum")));
        Set<String> statusFields = Arrays.stream(SupervisionViews.Directive.class.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(statusFields.containsAll(names(schema("DirectiveStatus").get("properties"))),
                "DirectiveStatus documents only what the adapter answers");
    }

    @Test
    void everyReportTheAdapterSendsHasOnlyTheFieldsTheContractDocuments() throws IOException {
        try (PlatformEvents p = new PlatformEvents().submittedAndAssigned()) {
            UUID reply = UUID.randomUUID();
            UUID directive = UUID.randomUUID();
            UUID request = UUID.randomUUID();
            OffsetDateTime now = OffsetDateTime.now();
            LocalDate today = LocalDate.now();
            p.signed();
            p.publish(new AssignmentAdjustmentRequested(p.assignmentId, p.proposalId, "miit", request, "职能不符", "drc", now, today));
            p.publish(new AssignmentAdjustmentRejected(p.assignmentId, p.proposalId, "miit", request, "维持交办", now));
            p.extensionRequested();
            p.publish(new ExtensionGranted(p.assignmentId, p.proposalId, "miit", request, today, today.plusMonths(1), "同意", now));
            p.publish(new ExtensionRejected(p.assignmentId, p.proposalId, "miit", request, "不予延期", now));
            p.publish(new DeadlineMissed(p.assignmentId, p.proposalId, "miit", "FORMAL_REPLY", today, 6, "DEPUTY_HEAD", "deputy-miit"));
            p.publish(new ProposalSupervised(p.proposalId, "李副市长", "重点督办", now, null));
            p.publish(new SupervisionDirectiveIssued(directive, p.assignmentId, p.proposalId, "miit", "PROGRESS_REPORT", "请报告进展",
                    today.plusDays(5), now));
            p.publish(new SupervisionDirectiveRejected(UUID.randomUUID(), p.proposalId, "miit", "已答复", now));
            p.publish(new ProgressReportSubmitted(directive, p.assignmentId, p.proposalId, "miit", "正在办理", today.plusDays(5), now, false));
            p.publish(new ReplyApproved(reply, UUID.randomUUID(), p.assignmentId, p.proposalId, "miit", HandlingType.LEAD, ResultCategory.B,
                    now, today.plusMonths(6), "INITIAL", 1, "FULL"));
            p.publish(new ReplyDelivered(reply, UUID.randomUUID(), p.assignmentId, p.proposalId, "miit", today, "POST",
                    List.of(new Proposer("member-zhang", "张委员")), now));
            p.publish(new SatisfactionRecorded(UUID.randomUUID(), p.proposalId, reply, "miit", "member-zhang", SatisfactionRating.UNSATISFIED,
                    "措施不具体", now, 1, SatisfactionRating.SATISFIED, SatisfactionRating.UNSATISFIED, false));
            p.publish(new RehandlingRequested(UUID.randomUUID(), p.proposalId, "miit", reply, 1, "member-zhang", "措施不具体", now));
            p.publish(new RehandlingStarted(p.assignmentId, p.proposalId, "miit", 2, today.plusMonths(1), now));
            p.publish(new AssignmentAdjusted(p.assignmentId, p.proposalId, "miit", request, "改由发改委办理", List.of(UUID.randomUUID()), now));
            p.publish(new ProposalClosed(p.proposalId, p.number, now));

            // some types come twice (two decisions on adjustments, two on extensions): wait for every type, not a count
            await().atMost(PlatformEvents.WAIT).until(() -> p.reports().stream().map(r -> r.type).distinct().count()
                    == ReportType.values().length);
            List<StatusReport> reports = p.reports();
            assertEquals(Arrays.stream(ReportType.values()).collect(Collectors.toSet()),
                    reports.stream().map(r -> r.type).collect(Collectors.toSet()), "every report type was made");
            for (StatusReport report : reports) {
                JsonNode body = json.readTree(report.body);
                String where = report.type + " " + report.body;
                JsonNode statusReport = schema("StatusReport");
                texts(statusReport.get("required")).forEach(field -> assertTrue(body.has(field), where + " lacks " + field));
                assertTrue(names(statusReport.get("properties")).containsAll(names(body)), where);
                assertTrue(names(statusReport.at("/properties/proposal/properties")).containsAll(names(body.get("proposal"))), where);
                if (!body.get("unit").isNull()) {
                    assertTrue(names(statusReport.at("/properties/unit/properties")).containsAll(names(body.get("unit"))), where);
                }
                String detailsSchema = statusReport.at("/properties/details/x-details-by-type/" + report.type).asText();
                assertEquals(names(schema(detailsSchema).get("properties")), names(body.get("details")),
                        where + ": the details are those of " + detailsSchema);
            }
        }
    }

    private static JsonNode schema(String name) {
        JsonNode schema = CONTRACT.at("/components/schemas/" + name);
        assertTrue(schema.isObject(), "the contract has no schema " + name);
        return schema;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("contract/supervision-system.yaml").toFile());
        } catch (IOException e) {
            throw new IllegalStateException("contract/supervision-system.yaml cannot be read", e);
        }
    }
}
