package org.proposals.events;

import org.junit.jupiter.api.Test;
import org.proposals.events.assignment.ProposalAssigned;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest {

    @Test
    void anEnvelopeSurvivesTheWireWithItsPayloadAndTrace() {
        UUID correlation = UUID.randomUUID();
        ProposalAssigned assigned = new ProposalAssigned(UUID.randomUUID(), UUID.randomUUID(), "关于确保经济稳增长的提案",
                new Proposer("m-1", "张委员"), "miit", "市工业和信息化局", HandlingType.LEAD, null,
                OffsetDateTime.of(2022, 3, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8)), LocalDate.of(2022, 6, 1));
        EventEnvelope envelope = EventCodec.envelope(assigned, correlation, null, Actor.SYSTEM);

        EventEnvelope read = EventCodec.fromJson(EventCodec.toJson(envelope));

        assertEquals("ProposalAssigned", read.type());
        assertEquals(1, read.version());
        assertEquals("Assignment", read.aggregateType());
        assertEquals(assigned.assignmentId().toString(), read.aggregateId());
        assertEquals(correlation, read.correlationId());
        assertEquals(Actor.SYSTEM, read.actor());
        assertEquals(assigned, EventCodec.payloadOf(read));
    }

    @Test
    void somethingThatIsNotAnEnvelopeIsMalformed() {
        assertThrows(MalformedEventException.class, () -> EventCodec.fromJson("{not json"));
        assertThrows(MalformedEventException.class, () -> EventCodec.fromJson("{\"type\":\"X\"}"));
        assertThrows(MalformedEventException.class, () -> EventCodec.fromJson(""));
    }

    @Test
    void anUnknownTypeOrAMismatchedPayloadIsMalformed() {
        String unknown = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"Nope\",\"version\":1,\"payload\":{}}";
        assertThrows(MalformedEventException.class, () -> EventCodec.payloadOf(EventCodec.fromJson(unknown)));
        String badPayload = "{\"eventId\":\"" + UUID.randomUUID()
                + "\",\"type\":\"ProposalAssigned\",\"version\":1,\"payload\":{\"handlingType\":\"NOT_A_TYPE\"}}";
        assertThrows(MalformedEventException.class, () -> EventCodec.payloadOf(EventCodec.fromJson(badPayload)));
    }

    @Test
    void everyContractHasAUniqueTypeAndAKnownTopic() {
        Set<String> seen = new HashSet<>();
        Set<String> topics = Set.of(Topics.PROPOSAL_EVENTS, Topics.ASSIGNMENT_EVENTS, Topics.REPLY_EVENTS, Topics.EVALUATION_EVENTS,
                Topics.SUPERVISION_EVENTS);
        for (Class<? extends IntegrationEvent> c : EventCatalog.ALL) {
            EventType contract = EventCatalog.contractOf(c);
            assertTrue(seen.add(contract.name() + contract.version()), "duplicate contract " + contract.name());
            assertTrue(topics.contains(contract.topic()), contract.name() + " names an unknown topic");
            // a past participle after the noun (ReplyApproved, ReplySubmittedForReview): regular ones, and the
            // irregular ones the domain needs
            List<String> words = List.of(contract.name().split("(?=[A-Z])"));
            assertTrue(words.subList(1, words.size()).stream().anyMatch(w -> w.endsWith("ed") || w.equals("Withdrawn") || w.equals("Sent")),
                    contract.name() + " is not in the past tense");
        }
    }
}
