package org.proposals.evaluation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.proposals.infra.TestIdentity;
import org.proposals.events.Actor;
import org.proposals.events.EventCatalog;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.HandlingType;
import org.proposals.events.IntegrationEvent;
import org.proposals.events.ProposalKind;
import org.proposals.events.Proposer;
import org.proposals.events.ResultCategory;
import org.proposals.events.assignment.AssignmentSigned;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.events.proposal.ProposalReopened;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.events.reply.ReplyDelivered;
import org.proposals.infra.KafkaTestClient;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * One proposal as the other services report it: a lead unit that signs for it and replies (result A), the
 * reply delivered to the proposer, and a co-handling unit. Each unit id is new, so that its figures count this proposal only, whatever
 * else the database holds. Each event is made once, so that publishing it again is a redelivery.
 */
final class HandlingScenario {

    static RequestSpecification as(String person) {
        return given().auth().oauth2(TestIdentity.tokenFor(person));
    }

    static final Duration WAIT = Duration.ofSeconds(60);
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static final Proposer PROPOSER = new Proposer("member-zhang", "张委员");
    /** The proposer of a proposal merged into this one: the reply is delivered to them too. */
    static final Proposer MERGED_PROPOSER = new Proposer("member-li", "李委员");
    /** The head of the lead unit, who approved its reply. */
    static final Actor LEADER = actor("leader-miit", "刘局长", "UNIT_LEADER", "miit");

    final UUID proposalId = UUID.randomUUID();
    final String leadUnit;
    final String coUnit = "unit-" + UUID.randomUUID();
    final UUID leadAssignment = UUID.randomUUID();
    final UUID coAssignment = UUID.randomUUID();
    final UUID replyId = UUID.randomUUID();
    final UUID leadCase = UUID.randomUUID();
    /** The day the lead unit's reply reached the proposer: two months after assignment. */
    final LocalDate deliveredOn;
    /** The year the proposal counts for: of its submission, in the city's time zone. */
    final int year;

    final EventEnvelope submitted;
    final EventEnvelope leadAssigned;
    final EventEnvelope coAssigned;
    final EventEnvelope leadSigned;
    final EventEnvelope leadReplyApproved;
    final EventEnvelope coSignedLate;
    /** The lead unit's reply delivered to the proposer: from then on it may be rated. */
    final EventEnvelope leadReplyDelivered;

    HandlingScenario(OffsetDateTime submittedAt) {
        this(submittedAt, "unit-" + UUID.randomUUID());
    }

    /** With a lead unit of the demo people's, for checks of who sees what. */
    HandlingScenario(OffsetDateTime submittedAt, String leadUnit) {
        this.leadUnit = leadUnit;
        year = submittedAt.atZoneSameInstant(CITY).getYear();
        OffsetDateTime assignedAt = submittedAt.plusDays(10);
        submitted = envelope(new ProposalSubmitted(proposalId, ProposalKind.PROPOSAL, "20220024",
                "关于确保经济稳增长，创新产业集群服务模式的提案", PROPOSER, submittedAt));
        leadAssigned = envelope(new ProposalAssigned(leadAssignment, proposalId, "关于确保经济稳增长，创新产业集群服务模式的提案",
                PROPOSER, leadUnit, "市工业和信息化局", HandlingType.LEAD, null, assignedAt,
                assignedAt.toLocalDate().plusMonths(3)));
        coAssigned = envelope(new ProposalAssigned(coAssignment, proposalId, "关于确保经济稳增长，创新产业集群服务模式的提案",
                PROPOSER, coUnit, "市发展和改革委员会", HandlingType.CO_HANDLING, leadUnit, assignedAt,
                assignedAt.toLocalDate().plusMonths(1)));
        leadSigned = envelope(new AssignmentSigned(leadAssignment, proposalId, leadUnit, assignedAt.plusDays(1), false));
        leadReplyApproved = EventCodec.envelope(new ReplyApproved(replyId, leadCase, leadAssignment, proposalId,
                leadUnit, HandlingType.LEAD, ResultCategory.A, assignedAt.plusMonths(2)), UUID.randomUUID(), null, LEADER);
        coSignedLate = envelope(new AssignmentSigned(coAssignment, proposalId, coUnit, assignedAt.plusDays(9), true));
        deliveredOn = assignedAt.plusMonths(2).atZoneSameInstant(CITY).toLocalDate();
        leadReplyDelivered = delivered(replyId, deliveredOn, PROPOSER);
    }

    /** Another formal reply of the lead unit: of the round and purpose given (INITIAL, REHANDLING, FOLLOW_UP). */
    EventEnvelope leadReply(UUID reply, Integer round, String purpose, OffsetDateTime approvedAt) {
        return EventCodec.envelope(new ReplyApproved(reply, leadCase, leadAssignment, proposalId, leadUnit, HandlingType.LEAD,
                ResultCategory.B, approvedAt, null, purpose, round, "FULL"), UUID.randomUUID(), null, LEADER);
    }

    /** A reply of the lead unit delivered on that day to the proposers given. */
    EventEnvelope delivered(UUID reply, LocalDate on, Proposer... recipients) {
        return envelope(new ReplyDelivered(reply, leadCase, leadAssignment, proposalId, leadUnit, on, "POST",
                List.of(recipients), on.atTime(10, 0).atZone(CITY).toOffsetDateTime()));
    }

    /** The committee reopened the proposal for the lead unit, or proposal-service did after an unsatisfied rating. */
    EventEnvelope leadReopened(int round) {
        return envelope(new ProposalReopened(proposalId, "20220024", round, List.of(leadUnit), "委员不满意",
                OffsetDateTime.now()));
    }

    static EventEnvelope envelope(IntegrationEvent event) {
        return EventCodec.envelope(event, UUID.randomUUID(), null, Actor.SYSTEM);
    }

    /** An actor as a token would make it; read from JSON so that the test holds while the actor gains fields. */
    static Actor actor(String id, String name, String role, String unitId) {
        String json = String.format("{\"id\":\"%s\",\"name\":\"%s\",\"role\":\"%s\",\"roles\":[\"%s\"],\"unitId\":\"%s\"}",
                id, name, role, role, unitId);
        try {
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).readValue(json, Actor.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This service's audit records concerning the proposal, newest first. */
    List<Map<String, Object>> auditRecords(String query) {
        return as("admin").when().get("/api/v1/audit-records?size=200&proposalId=" + proposalId + "&" + query)
                .then().statusCode(200).extract().path("items");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> changes(Map<String, Object> record) {
        return (Map<String, Map<String, Object>>) record.get("changes");
    }

    /** Puts events on their producers' topics, as their outbox relays would. */
    static void publish(KafkaTestClient kafka, EventEnvelope... envelopes) {
        for (EventEnvelope envelope : envelopes) {
            Class<? extends IntegrationEvent> type = EventCatalog.find(envelope.type(), envelope.version())
                    .orElseThrow(() -> new IllegalArgumentException("no contract for " + envelope.type()));
            kafka.publish(KafkaTestClient.topic(EventCatalog.contractOf(type).topic()), envelope);
        }
    }

    /** Puts events on their producers' topics, each in an envelope of its own, as their outbox relays would. */
    static void publish(KafkaTestClient kafka, IntegrationEvent... events) {
        for (IntegrationEvent event : events) {
            publish(kafka, envelope(event));
        }
    }

    /** The lead unit's ratings awaiting, as the committee sees them. */
    ValidatableResponse pending(String query) {
        return as("committee-wang").queryParam("unitId", leadUnit).when().get("/api/v1/ratings/pending?size=200&" + query)
                .then().statusCode(200);
    }

    /** Waits until this service knows the reply was delivered: it is then awaiting its proposer's rating. */
    void awaitDelivered(UUID reply) {
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> pending("")
                .body("items.replyId", org.hamcrest.Matchers.hasItem(reply.toString())));
    }

    static ValidatableResponse statistics(String unitId, Integer year) {
        var request = as("committee-wang").queryParam("unitId", unitId);
        if (year != null) {
            request.queryParam("year", year);
        }
        return request.when().get("/api/v1/statistics").then().statusCode(200);
    }
}
