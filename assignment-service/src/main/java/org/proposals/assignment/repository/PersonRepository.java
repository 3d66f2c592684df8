package org.proposals.assignment.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.proposals.assignment.Person;

import java.util.List;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, String> {

    public List<Person> ofUnit(String unitId, String divisionId, Person.Position position, boolean includeRetired,
                               int page, int size) {
        return query(unitId, divisionId, position, includeRetired).page(Page.of(page, size)).list();
    }

    public long countOfUnit(String unitId, String divisionId, Person.Position position, boolean includeRetired) {
        return query(unitId, divisionId, position, includeRetired).count();
    }

    public long countActiveInUnit(String unitId) {
        return count("unitId = ?1 and active = true", unitId);
    }

    public long countActiveInDivision(String divisionId) {
        return count("divisionId = ?1 and active = true", divisionId);
    }

    private PanacheQuery<Person> query(String unitId, String divisionId, Person.Position position, boolean includeRetired) {
        Parameters params = Parameters.with("unitId", unitId);
        StringBuilder where = new StringBuilder("unitId = :unitId");
        if (divisionId != null) {
            where.append(" and divisionId = :divisionId");
            params.and("divisionId", divisionId);
        }
        if (position != null) {
            where.append(" and position = :position");
            params.and("position", position);
        }
        if (!includeRetired) {
            where.append(" and active = true");
        }
        // as a staff list reads: the position codes sort the chain from the head down (the office last), then by division
        return find(where.toString(), Sort.ascending("position", "divisionId", "id"), params);
    }
}
