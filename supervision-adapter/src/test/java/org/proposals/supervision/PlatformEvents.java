package org.proposals.supervision;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import org.proposals.events.Actor;
import org.proposals.events.EventCatalog;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.HandlingType;
import org.proposals.events.IntegrationEvent;
import org.proposals.events.ProposalKind;
import org.proposals.events.ProposalSource;
import org.proposals.events.Proposer;
import org.proposals.events.assignment.AssignmentSigned;
import org.proposals.events.assignment.ExtensionRequested;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.TestIdentity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** One proposal's events as the other services publish them, put on their topics for the adapter to report. */
final class PlatformEvents implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);

    final KafkaTestClient kafka = KafkaTestClient.forApplication();
    final UUID proposalId = UUID.randomUUID();
    final UUID assignmentId = UUID.randomUUID();
    final String number = "2026" + String.format("%04d", Math.abs(proposalId.hashCode() % 10000));

    static RequestSpecification as(String person) {
        return given().auth().oauth2(TestIdentity.tokenFor(person));
    }

    /** The proposal is registered and assigned to 市工业和信息化局 as lead unit; waits until the adapter knows both. */
    PlatformEvents submittedAndAssigned() {
        publish(new ProposalSubmitted(proposalId, ProposalKind.PROPOSAL, number, "关于加快中小企业数字化转型的提案",
                new Proposer("member-zhang", "张委员"), OffsetDateTime.now(), UUID.randomUUID(), 2026, ProposalSource.PLENARY,
                List.of(), List.of("SME")));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> SupervisedProposal.findById(proposalId) != null));
        assigned();
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> SupervisedHandling.findById(assignmentId) != null));
        return this;
    }

    EventEnvelope assigned() {
        return publish(new ProposalAssigned(assignmentId, proposalId, "关于加快中小企业数字化转型的提案",
                new Proposer("member-zhang", "张委员"), "miit", "市工业和信息化局", HandlingType.LEAD, null, OffsetDateTime.now(),
                LocalDate.now().plusMonths(3), "SESSION"));
    }

    EventEnvelope signed() {
        return publish(new AssignmentSigned(assignmentId, proposalId, "miit", OffsetDateTime.now(), false));
    }

    EventEnvelope extensionRequested() {
        return publish(new ExtensionRequested(assignmentId, proposalId, "miit", UUID.randomUUID(), "需跨部门协调",
                LocalDate.now().plusMonths(3), LocalDate.now().plusMonths(4), OffsetDateTime.now()));
    }

    /** Puts the event on its producer's topic in an envelope of its own, as the producer's outbox relay would. */
    EventEnvelope publish(IntegrationEvent event) {
        EventEnvelope envelope = EventCodec.envelope(event, UUID.randomUUID(), null, Actor.SYSTEM);
        publish(envelope);
        return envelope;
    }

    void publish(EventEnvelope envelope) {
        Class<? extends IntegrationEvent> type = EventCatalog.find(envelope.type(), envelope.version()).orElseThrow();
        kafka.publish(KafkaTestClient.topic(EventCatalog.contractOf(type).topic()), envelope);
    }

    /** The proposal's status reports, in sequence order. */
    List<StatusReport> reports() {
        return QuarkusTransaction.requiringNew().call(() -> StatusReport.<StatusReport>list("proposalId = ?1 order by sequence", proposalId));
    }

    /** Waits until the proposal has {@code count} status reports, and returns them in order. */
    List<StatusReport> awaitReports(int count) {
        await().atMost(WAIT).until(() -> reports().size() >= count);
        return reports();
    }

    @Override
    public void close() {
        kafka.close();
    }
}
