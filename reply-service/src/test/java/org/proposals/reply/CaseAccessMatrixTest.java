package org.proposals.reply;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.proposals.events.HandlingType;
import org.proposals.infra.AccessMatrix;
import org.proposals.infra.KafkaTestClient;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.proposals.infra.AccessMatrix.ANONYMOUS;
import static org.proposals.infra.AccessMatrix.OVERSEERS;
import static org.proposals.infra.AccessMatrix.UNIT_PEOPLE;
import static org.proposals.reply.CaseLifecycleTest.as;
import static org.proposals.reply.ReplyFlow.REPLY_TEXT;
import static org.proposals.reply.ReplyFlow.json;
import static org.proposals.reply.ReplyFlow.reply;

/**
 * Every endpoint of reply-service × every role × own unit / another unit / another proposer, with the exact
 * status each gets; refused calls change nothing. A new endpoint without rows fails this test. Within a unit the
 * responsibility chain decides further: only the named handler writes, only the person whose turn it is reviews,
 * only the signer (赵副局长, deputy-miit, for an ordinary proposal) signs.
 */
@QuarkusTest
class CaseAccessMatrixTest {

    @Test
    void everyoneGetsExactlyWhatTheirRoleAndTheRecordAllow() {
        String drafting;
        String consulting;
        String signing;
        String promising;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            drafting = ready(kafka);
            consulting = ready(kafka);
            signing = ready(kafka);
            promising = ready(kafka);
        }
        String draft = ReplyFlow.drafted(drafting, reply("A", REPLY_TEXT));
        String draftTag = as("handler-miit-sme").get(ReplyFlow.path(drafting, draft)).then().extract().header("ETag");
        String toConsult = ConsultationAndDeliveryTest.reviewed(consulting, reply("A", REPLY_TEXT));
        String toSign = ConsultationAndDeliveryTest.reviewed(signing, reply("A", REPLY_TEXT));
        ReplyFlow.consult(signing, toSign).statusCode(200);
        ReplyFlow.answer("member-zhang", signing, toSign, Map.of("agrees", true)).statusCode(200);
        String promised = ReplyFlow.toFormal(promising, reply("B", REPLY_TEXT), false);
        String commitment = as("handler-miit-sme").get("/api/v1/cases/" + promising + "/commitments").then().extract().path("[0].id");
        String replyBody = json(reply("A", REPLY_TEXT));

        // a lead case with two co-handlers (one waived), and a co-handling case of miit's own
        UUID p = UUID.randomUUID();
        String x = "unit-x-" + UUID.randomUUID().toString().substring(0, 6);
        String y = "unit-y-" + UUID.randomUUID().toString().substring(0, 6);
        String leadCase;
        String coCase;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            leadCase = OpinionTest.open(kafka, OpinionTest.assignment(p, "miit", "市工业和信息化局", HandlingType.LEAD, null));
            OpinionTest.open(kafka, OpinionTest.assignment(p, x, "X局", HandlingType.CO_HANDLING, "miit"));
            OpinionTest.open(kafka, OpinionTest.assignment(p, y, "Y局", HandlingType.CO_HANDLING, "miit"));
            coCase = OpinionTest.open(kafka, OpinionTest.assignment(UUID.randomUUID(), "miit", "市工业和信息化局",
                    HandlingType.CO_HANDLING, "drc"));
        }
        String waiver = OpinionTest.waive("head-miit-sme", leadCase, "{\"unitId\":\"" + x + "\",\"reason\":\"不再等待\"}")
                .statusCode(201).extract().path("opinionId");
        String contact = ContactTest.log(as("handler-miit-sme"), leadCase,
                ContactTest.contactJson("PHONE", OffsetDateTime.now().minusSeconds(5), "[\"张委员\"]", null)).statusCode(201).extract().path("id");
        String lead = "/api/v1/cases/" + leadCase;
        String measureBody = json(Map.of("kind", "ACTION_PLAN", "title", "重点产业链集群行动方案", "issuedOn", ReplyFlow.today().toString(),
                "caseIds", java.util.List.of(leadCase)));
        String measures = "/api/v1/work-measures/" + as("handler-miit-sme").contentType("application/json").body(measureBody)
                .post("/api/v1/work-measures").then().statusCode(201).extract().path("id");
        String cases = "/api/v1/cases/" + drafting;

        AccessMatrix matrix = new AccessMatrix().auditTrail();
        matrix.endpoint("GET", "/api/v1/cases")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/cases/{caseId}").at(cases)
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(404, "office-drc", "handler-drc-industry")
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/proposer-cases")
                .expect(200, "member-zhang", "member-li")
                .expect(403, UNIT_PEOPLE).expect(403, OVERSEERS)
                .expect(401, ANONYMOUS);

        // replies: drafted by the handler, read by the unit and the overseers
        matrix.endpoint("POST", "/api/v1/cases/{caseId}/replies").at("/api/v1/cases/" + consulting + "/replies")
                .body(() -> replyBody)
                .expect(403, "office-miit", "leader-miit", "head-miit-sme", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(404, "handler-drc-industry")
                .expect(401, ANONYMOUS)
                // one reply in the works at a time
                .expect(409, "handler-miit-sme");
        matrix.endpoint("GET", "/api/v1/cases/{caseId}/replies/{replyId}").at(ReplyFlow.path(drafting, draft))
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(404, "office-drc")
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/cases/{caseId}/replies/{replyId}/quality").at(ReplyFlow.path(drafting, draft) + "/quality")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(404, "office-drc")
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("PUT", "/api/v1/cases/{caseId}/replies/{replyId}").at(ReplyFlow.path(drafting, draft))
                .body(() -> replyBody).request(r -> r.header("If-Match", draftTag))
                .expect(403, "office-miit", "leader-miit", "head-miit-sme", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(404, "handler-drc-industry")
                .expect(401, ANONYMOUS)
                .expect(200, "handler-miit-sme");
        matrix.endpoint("POST", "/api/v1/cases/{caseId}/replies/{replyId}/submission").at(ReplyFlow.path(drafting, draft) + "/submission")
                .expect(403, "office-miit", "leader-miit", "head-miit-sme", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(404, "handler-drc-industry")
                .expect(401, ANONYMOUS)
                .expect(200, "handler-miit-sme");
        matrix.endpoint("POST", "/api/v1/cases/{caseId}/replies/{replyId}/reviews").at(ReplyFlow.path(drafting, draft) + "/reviews")
                .body(() -> "{\"decision\":\"APPROVE\"}")
                .expect(403, "office-miit", "handler-miit-sme", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(404, "head-drc-industry")
                .expect(401, ANONYMOUS)
                // a unit leader may review, but it is the division head's turn
                .expect(403, "leader-miit", "deputy-miit")
                .expect(200, "head-miit-sme");
        matrix.endpoint("POST", "/api/v1/cases/{caseId}/replies/{replyId}/consultation").at(ReplyFlow.path(consulting, toConsult) + "/consultation")
                .expect(403, "office-miit", "leader-miit", "head-miit-sme", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(404, "handler-drc-industry")
                .expect(401, ANONYMOUS)
                .expect(200, "handler-miit-sme");
        matrix.endpoint("POST", "/api/v1/cases/{caseId}/replies/{replyId}/consultation/answer")
                .at(ReplyFlow.path(consulting, toConsult) + "/consultation/answer")
                .body(() -> "{\"agrees\":true,\"channel\":\"PHONE\"}")
                .expect(403, "office-miit", "leader-miit", "head-miit-sme")
                .expect(403, OVERSEERS)
                .expect(404, "handler-drc-industry", "member-li")
                .expect(401, ANONYMOUS)
                // the handler records what the proposer said on the phone; the proposer's own answer then comes too late
                .expect(200, "handler-miit-sme")
                .expect(409, "member-zhang");
        matrix.endpoint("POST", "/api/v1/cases/{caseId}/replies/{replyId}/approval").at(ReplyFlow.path(signing, toSign) + "/approval")
                .expect(403, "office-miit", "handler-miit-sme", "head-miit-sme", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(401, ANONYMOUS)
                // the bureau head signs key proposals only; this one is the deputy head's
                .expect(403, "leader-miit")
                .expect(200, "deputy-miit");
        matrix.endpoint("POST", "/api/v1/cases/{caseId}/replies/{replyId}/delivery").at(ReplyFlow.path(signing, toSign) + "/delivery")
                .body(() -> "{\"deliveredOn\":\"" + ReplyFlow.today() + "\",\"channel\":\"POST\"}")
                .expect(403, "leader-miit", "head-miit-sme", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(404, "office-drc", "handler-drc-industry")
                .expect(401, ANONYMOUS)
                .expect(200, "office-miit")
                .expect(409, "handler-miit-sme");

        // co-handling opinions go to the lead unit only
        matrix.endpoint("POST", "/api/v1/cases/{caseId}/opinion").at("/api/v1/cases/" + coCase + "/opinion")
                .body(() -> OpinionTest.opinionJson(OpinionTest.OPINION))
                .expect(403, "office-miit", "leader-miit", "head-miit-sme", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(404, "handler-drc-industry")
                .expect(401, ANONYMOUS)
                .expect(201, "handler-miit-sme");
        matrix.endpoint("GET", "/api/v1/cases/{caseId}/opinions").at(lead + "/opinions")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(404, "office-drc", "handler-drc-industry")
                .expect(403, "member-zhang", "member-li")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/cases/{caseId}/opinions/{opinionId}").at(lead + "/opinions/" + waiver)
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(404, "office-drc")
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("POST", "/api/v1/cases/{caseId}/opinions/waivers").at(lead + "/opinions/waivers")
                .body(() -> "{\"unitId\":\"" + y + "\",\"reason\":\"不再等待\"}")
                .expect(403, "office-miit", "leader-miit", "handler-miit-sme", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(404, "head-drc-industry")
                .expect(401, ANONYMOUS)
                .expect(201, "head-miit-sme");

        // contacts with the proposer, who sees and answers them
        matrix.endpoint("POST", "/api/v1/cases/{caseId}/contacts").at(lead + "/contacts")
                .body(() -> ContactTest.contactJson("VISIT", OffsetDateTime.now().minusSeconds(5), "[\"张委员\"]", null))
                .expect(403, "office-miit", "leader-miit", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(404, "handler-drc-industry", "head-drc-industry")
                .expect(401, ANONYMOUS)
                .expect(201, "handler-miit-sme", "head-miit-sme");
        matrix.endpoint("GET", "/api/v1/cases/{caseId}/contacts").at(lead + "/contacts")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS).expect(200, "member-zhang")
                .expect(404, "office-drc", "member-li")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/cases/{caseId}/contacts/{contactId}").at(lead + "/contacts/" + contact)
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS).expect(200, "member-zhang")
                .expect(404, "office-drc", "member-li")
                .expect(401, ANONYMOUS);
        matrix.endpoint("POST", "/api/v1/cases/{caseId}/contacts/{contactId}/confirmation").at(lead + "/contacts/" + contact + "/confirmation")
                .body(() -> "{\"confirmed\":true}")
                .expect(403, UNIT_PEOPLE).expect(403, OVERSEERS)
                .expect(404, "member-li")
                .expect(401, ANONYMOUS)
                .expect(200, "member-zhang");
        matrix.endpoint("GET", "/api/v1/contact-rates")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);

        // the register of work measures
        String[] drc = {"office-drc", "head-drc-industry", "handler-drc-industry"};
        matrix.endpoint("POST", "/api/v1/work-measures").body(() -> measureBody)
                .expect(403, OVERSEERS).expect(403, "member-zhang")
                .expect(404, drc)
                .expect(401, ANONYMOUS)
                .expect(201, UNIT_PEOPLE);
        matrix.endpoint("GET", "/api/v1/work-measures")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS).expect(200, "office-drc")
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/work-measures/register")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS).expect(200, "office-drc")
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/work-measures/{measureId}").at(measures)
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(404, drc)
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("PUT", "/api/v1/work-measures/{measureId}").at(measures)
                .body(() -> json(Map.of("kind", "ACTION_PLAN", "title", "重点产业链集群行动方案（修订）", "issuedOn", ReplyFlow.today().toString())))
                .request(r -> r.header("If-Match", "*"))
                .expect(403, OVERSEERS).expect(403, "member-zhang")
                .expect(404, drc)
                .expect(401, ANONYMOUS)
                .expect(200, UNIT_PEOPLE);
        matrix.endpoint("POST", "/api/v1/work-measures/{measureId}/cases").at(measures + "/cases")
                .body(() -> json(Map.of("caseIds", java.util.List.of(leadCase))))
                .expect(403, OVERSEERS).expect(403, "member-zhang")
                .expect(404, drc)
                .expect(401, ANONYMOUS)
                .expect(200, UNIT_PEOPLE);

        // commitments and extensions
        matrix.endpoint("GET", "/api/v1/commitments")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/cases/{caseId}/commitments").at("/api/v1/cases/" + promising + "/commitments")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(404, "office-drc")
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("POST", "/api/v1/cases/{caseId}/commitments/{commitmentId}/fulfilment")
                .at("/api/v1/cases/" + promising + "/commitments/" + commitment + "/fulfilment")
                .body(() -> "{\"note\":\"已建成\"}")
                .expect(403, "office-miit", "leader-miit", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(404, "handler-drc-industry", "head-drc-industry")
                .expect(401, ANONYMOUS)
                .expect(200, "handler-miit-sme")
                .expect(409, "head-miit-sme");
        matrix.endpoint("GET", "/api/v1/cases/{caseId}/extension-requests").at(cases + "/extension-requests")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(404, "office-drc")
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("POST", "/api/v1/cases/{caseId}/extension-requests").at(cases + "/extension-requests")
                .body(() -> "{\"reason\":\"需多部门协调\",\"requestedDue\":\"" + ReplyFlow.today().plusMonths(4) + "\"}")
                .expect(403, "office-miit", "leader-miit", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(404, "handler-drc-industry", "head-drc-industry")
                .expect(401, ANONYMOUS)
                .expect(201, "handler-miit-sme")
                .expect(409, "head-miit-sme");

        matrix.assertCoversEveryOperationAndRole();
        matrix.run();

        // only the calls the table allowed changed anything
        as("office-miit").get(ReplyFlow.path(drafting, draft)).then()
                .body("versions.size()", equalTo(2)).body("status", equalTo("IN_REVIEW")).body("reviewLevel", equalTo("DEPUTY_HEAD"))
                .body("reviews.size()", equalTo(1));
        as("office-miit").get(ReplyFlow.path(signing, toSign)).then().body("status", equalTo("DELIVERED"));
        as("office-miit").get(ReplyFlow.path(consulting, toConsult)).then().body("consultations[0].answerChannel", equalTo("PHONE"));
        as("office-miit").get("/api/v1/cases/" + drafting + "/extension-requests").then().body("size()", equalTo(1));
        as("office-miit").get("/api/v1/cases/" + promising).then().body("status", equalTo("FOLLOW_UP_DUE"));
        as("office-miit").get(ReplyFlow.path(promising, promised)).then().body("status", equalTo("APPROVED"));
        as("office-miit").get(lead + "/opinions").then().body("state", org.hamcrest.Matchers.everyItem(equalTo("WAIVED")));
        as("office-miit").get(lead + "/contacts").then().body("total", equalTo(3))
                .body("items.find { it.id == '" + contact + "' }.confirmation", equalTo("CONFIRMED"));
        as("office-miit").get("/api/v1/cases/" + coCase).then().body("status", equalTo("OPINION_SUBMITTED"));
        // one measure before the matrix and one per unit person; the correction stuck
        as("office-miit").get("/api/v1/work-measures?caseId=" + leadCase).then().body("total", equalTo(1 + UNIT_PEOPLE.length));
        as("office-miit").get(measures).then().body("title", equalTo("重点产业链集群行动方案（修订）"));
    }

    /** A sole case of miit with its chain recorded and the proposer contacted. */
    private static String ready(KafkaTestClient kafka) {
        String caseId = ReplyFlow.openWithChain(kafka, ReplyFlow.assigned(HandlingType.SOLE));
        ReplyFlow.contact(caseId, "PHONE");
        return caseId;
    }
}
