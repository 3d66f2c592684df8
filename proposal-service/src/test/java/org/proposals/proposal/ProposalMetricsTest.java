package org.proposals.proposal;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.proposals.infra.PrometheusText;
import org.proposals.infra.TestIdentity;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's metrics for Prometheus: proposals by status, the outbox backlog, the consumers' lag. */
@QuarkusTest
@WithTestResource(value = TestIdentity.class, scope = TestResourceScope.GLOBAL)
class ProposalMetricsTest {

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double submitted() {
        return PrometheusText.value(metrics(), "proposals_by_status", "status", "SUBMITTED").orElseThrow();
    }

    @Test
    void proposalsByStatusCountsARegisteredProposalWithinSeconds() {
        String exposition = metrics();
        for (ProposalStatus status : ProposalStatus.values()) {
            assertTrue(PrometheusText.value(exposition, "proposals_by_status", "status", status.name()).isPresent(),
                    "a series for every status, also the empty ones: " + status);
        }
        double before = submitted();
        ProposalResourceTest.submit(ProposalResourceTest.proposalJson("关于完善产业集群指标监测的提案")).statusCode(201);
        // the count is reused for a few seconds; then it has the new proposal
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                .until(() -> submitted() == before + 1);
    }

    @Test
    void theOutboxBacklogAndTheConsumersLagAreExposed() {
        String exposition = metrics();
        assertTrue(PrometheusText.value(exposition, "outbox_pending").isPresent(), "outbox_pending");
        assertTrue(PrometheusText.value(exposition, "outbox_oldest_pending_age_seconds").isPresent(),
                "outbox_oldest_pending_age_seconds");
        assertTrue(PrometheusText.value(exposition, "kafka_consumer_fetch_manager_records_lag_max").isPresent(),
                "the Kafka consumer's lag");
    }
}
