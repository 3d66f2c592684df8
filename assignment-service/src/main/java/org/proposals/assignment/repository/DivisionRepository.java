package org.proposals.assignment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.proposals.assignment.Division;

import java.util.List;

@ApplicationScoped
public class DivisionRepository implements PanacheRepositoryBase<Division, String> {

    /** A unit has a handful of divisions: they are listed whole, never paged. */
    public List<Division> ofUnit(String unitId, boolean includeRetired) {
        return includeRetired
                ? list("unitId", Sort.ascending("id"), unitId)
                : list("unitId = :unitId and active = true", Sort.ascending("id"), Parameters.with("unitId", unitId));
    }

    public long countActive(String unitId) {
        return count("unitId = ?1 and active = true", unitId);
    }
}
