package org.proposals.assignment.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.proposals.assignment.HandlingUnit;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class HandlingUnitRepository implements PanacheRepositoryBase<HandlingUnit, String> {

    /** Any number that no other advisory lock of this database uses. */
    private static final long MASTER_DATA_LOCK = 0x756e697473L;

    /**
     * Serialises every change to units, divisions and people for the rest of the transaction. They change
     * rarely (an office's edit, an import), so waiting costs nothing, and it keeps what the checks read
     * true until the commit: no two creations of one id, no person added to a division being retired.
     */
    public void lockMasterData() {
        getEntityManager().createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1)")
                .setParameter(1, MASTER_DATA_LOCK)
                .getSingleResult();
    }

    /**
     * Reads the unit with a shared lock, so that a unit being assigned to cannot be retired before the
     * assignment commits.
     */
    public Optional<HandlingUnit> findShared(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_READ);
    }

    public List<HandlingUnit> list(boolean includeRetired, int page, int size) {
        return query(includeRetired).page(Page.of(page, size)).list();
    }

    public long count(boolean includeRetired) {
        return includeRetired ? count() : count("active", true);
    }

    private PanacheQuery<HandlingUnit> query(boolean includeRetired) {
        return includeRetired ? findAll(Sort.ascending("id")) : find("active", Sort.ascending("id"), true);
    }
}
