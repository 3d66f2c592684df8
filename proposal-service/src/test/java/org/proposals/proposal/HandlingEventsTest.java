package org.proposals.proposal;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.proposals.events.Actor;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.HandlingType;
import org.proposals.events.Proposer;
import org.proposals.events.ResultCategory;
import org.proposals.events.SatisfactionRating;
import org.proposals.events.Topics;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.evaluation.SatisfactionRecorded;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.infra.KafkaTestClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The proposal follows what the assignment, reply and evaluation services report over the real broker. */
@QuarkusTest
class HandlingEventsTest {

    @Test
    void theProposalShowsAssignedRepliedAndEvaluatedAsTheUnitsReport() {
        String id = ProposalResourceTest.submit(ProposalResourceTest.proposalJson("关于促进科技型中小企业创新发展的建议"))
                .statusCode(201).extract().path("id");
        UUID proposalId = UUID.fromString(id);
        UUID leadAssignment = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();

        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            String assignments = KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS);
            kafka.publish(assignments, envelope(new ProposalAssigned(leadAssignment, proposalId, "t", new Proposer("member-001", "张委员"),
                    "miit", "市工业和信息化局", HandlingType.LEAD, null, now, LocalDate.now().plusMonths(3))));
            kafka.publish(assignments, envelope(new ProposalAssigned(UUID.randomUUID(), proposalId, "t", new Proposer("member-001", "张委员"),
                    "drc", "市发展和改革委员会", HandlingType.CO_HANDLING, "miit", now, LocalDate.now().plusMonths(1))));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ProposalResourceTest.asCommittee().get("/api/v1/proposals/" + id).then()
                    .body("status", equalTo("ASSIGNED"))
                    .body("units.size()", equalTo(2)));

            UUID replyId = UUID.randomUUID();
            EventEnvelope approved = envelope(new ReplyApproved(replyId, UUID.randomUUID(), leadAssignment, proposalId,
                    "miit", HandlingType.LEAD, ResultCategory.A, now));
            kafka.publish(KafkaTestClient.topic(Topics.REPLY_EVENTS), approved);
            // only the lead owes the proposer a reply: the co-handler's silence does not hold the status back
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ProposalResourceTest.asCommittee().get("/api/v1/proposals/" + id).then()
                    .body("status", equalTo("REPLIED"))
                    .body("units.find { it.unitId == 'miit' }.resultCategory", equalTo("A")));

            kafka.publish(KafkaTestClient.topic(Topics.EVALUATION_EVENTS), envelope(new SatisfactionRecorded(UUID.randomUUID(),
                    proposalId, replyId, "miit", "member-001", SatisfactionRating.SATISFIED, "满意", now)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ProposalResourceTest.asCommittee().get("/api/v1/proposals/" + id).then()
                    .body("status", equalTo("EVALUATED"))
                    .body("units.find { it.unitId == 'miit' }.rating", equalTo("SATISFIED")));
        }
    }

    static EventEnvelope envelope(org.proposals.events.IntegrationEvent event) {
        return EventCodec.envelope(event, UUID.randomUUID(), null, Actor.SYSTEM);
    }
}
