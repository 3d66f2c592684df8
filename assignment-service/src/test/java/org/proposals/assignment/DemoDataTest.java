package org.proposals.assignment;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proposals.assignment.service.DemoData;
import org.proposals.assignment.service.UnitImport;
import org.proposals.assignment.service.UnitScope;
import org.proposals.events.Actor;
import org.proposals.infra.DevIdentity;
import org.proposals.kit.security.Access;
import org.proposals.kit.tabular.Row;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proposals.assignment.AssignmentFlowTest.as;

/**
 * The demo master data is loaded at start-up (the test profile enables it) and agrees with the people the local
 * identity provider issues tokens for (local-infra's demo/people.csv), so that the two files cannot drift apart.
 */
@QuarkusTest
class DemoDataTest {

    /** The position in the responsibility chain that each unit role of a token stands for. */
    private static final Map<String, Set<String>> POSITIONS_OF_ROLE = Map.of(
            "UNIT_OFFICE", Set.of("OFFICE"),
            "UNIT_LEADER", Set.of("BUREAU_HEAD", "DEPUTY_HEAD"),
            "DIVISION_HEAD", Set.of("DIVISION_HEAD"),
            "HANDLER", Set.of("HANDLER"));

    @Inject
    UnitImport imports;

    /**
     * People of a handling unit are those with a unit role; the committee's and the supervision office's tokens
     * name a unit too, but those are not handling units and are not kept here.
     */
    private static List<DevIdentity.Person> unitPeople() {
        return DevIdentity.people().stream()
                .filter(p -> Access.isUnitStaff(new Actor(p.id(), p.name(), p.roles(), p.unitId(), p.divisionId())))
                .toList();
    }

    @Test
    void everyDemoPersonOfAUnitIsRecordedWithTheirUnitDivisionAndPosition() {
        List<DevIdentity.Person> people = unitPeople();
        assertEquals(8, people.size(), "the demo people of miit and drc");
        for (DevIdentity.Person person : people) {
            Map<String, Object> recorded = as("admin").get("/api/v1/units/" + person.unitId() + "/people/" + person.id())
                    .then().statusCode(200).extract().path("");
            assertEquals(person.name(), recorded.get("name"), person.id());
            assertEquals(person.divisionId(), recorded.get("divisionId"), person.id());
            assertEquals(true, recorded.get("active"), person.id());
            String role = person.roles().stream().filter(POSITIONS_OF_ROLE::containsKey).findFirst().orElseThrow();
            assertTrue(POSITIONS_OF_ROLE.get(role).contains((String) recorded.get("position")),
                    person.id() + " is " + role + " in a token but " + recorded.get("position") + " here");
            as("admin").get("/api/v1/units/" + person.unitId()).then().statusCode(200)
                    .body("name", equalTo(person.unitName())).body("active", equalTo(true));
            if (person.divisionId() != null) {
                as("admin").get("/api/v1/units/" + person.unitId() + "/divisions/" + person.divisionId()).then().statusCode(200)
                        .body("name", equalTo(person.divisionName()));
            }
        }
    }

    @Test
    void everyoneInTheDemoFileCanSignIn() {
        Map<String, DevIdentity.Person> tokens = DevIdentity.people().stream()
                .collect(Collectors.toMap(DevIdentity.Person::id, p -> p));
        List<Row> rows = DemoData.read().rows();
        assertEquals(unitPeople().size(), rows.size());
        for (Row row : rows) {
            DevIdentity.Person person = tokens.get(row.get("人员编号"));
            assertTrue(person != null, row.get("人员编号") + " of the demo file has no token in local-infra's demo/people.csv");
            assertEquals(person.unitId(), row.get("单位编号"), person.id());
            assertEquals(person.divisionId() == null ? "" : person.divisionId(), row.get("处室编号"), person.id());
        }
    }

    @Test
    void loadingTheDemoDataAgainChangesNothing() {
        long auditRecords = masterDataAuditRecords();
        UnitImport.Report report = imports.importFile(UnitScope.ALL, DemoData.read(), DemoData.RESOURCE, false);
        assertEquals(8, report.unchanged());
        assertEquals(List.of(0, 0, 0, 0, 0, 0), List.of(report.created(), report.updated(), report.invalid(),
                report.units().created(), report.units().updated(), report.divisions().created() + report.divisions().updated()));
        assertEquals(auditRecords, masterDataAuditRecords());
        assertFalse(report.results().isEmpty());
    }

    private static long masterDataAuditRecords() {
        long total = 0;
        for (String type : List.of("HandlingUnit", "Division", "Person")) {
            total += ((Number) as("admin").get("/api/v1/audit-records?size=1&recordType=" + type).then().statusCode(200)
                    .extract().path("total")).longValue();
        }
        return total;
    }
}
