package org.proposals.proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.proposals.events.ProposalKind;
import org.proposals.events.ProposalSource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A session (届次/会次) of the CPPCC committee or of the people's congress: proposals of a CPPCC session,
 * suggestions of an NPC session. Proposals are numbered per session in its format.
 */
@Entity
@Table(name = "proposal_session")
public class ProposalSession extends PanacheEntityBase {

    @Id
    public UUID id;

    /** {@code PROPOSAL} for a CPPCC committee session, {@code SUGGESTION} for an NPC session. */
    @Enumerated(EnumType.STRING)
    public ProposalKind kind;

    /** 届: the committee's or congress's term, e.g. 7. */
    public int term;

    /** 次: the session within the term, e.g. 2. */
    @Column(name = "session_number")
    public int sessionNumber;

    public int year;

    public String name;

    @Column(name = "plenary_start")
    public LocalDate plenaryStart;

    @Column(name = "plenary_end")
    public LocalDate plenaryEnd;

    @Column(name = "number_format")
    public String numberFormat;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Proposals put forward up to the end of the plenary meeting belong to it; later ones to the recess. */
    public ProposalSource sourceOf(LocalDate submittedOn) {
        return submittedOn.isAfter(plenaryEnd) ? ProposalSource.RECESS : ProposalSource.PLENARY;
    }

    public ProposalNumberFormat format() {
        return ProposalNumberFormat.parse(numberFormat);
    }
}
