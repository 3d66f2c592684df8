package org.proposals.reply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.proposals.reply.service.OpinionState;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A co-handling unit's opinion (会办意见) for the lead unit, or the lead unit's waiver of one that did not come;
 * at most one per co-handling case. It goes to the lead unit only, never to the proposer.
 */
@Entity
@Table(name = "co_handling_opinion")
public class CoHandlingOpinion extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The co-handling unit's case. */
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "proposal_id")
    public UUID proposalId;

    /** The co-handling unit. */
    @Column(name = "unit_id")
    public String unitId;

    /** The unit the opinion goes to. */
    @Column(name = "lead_unit_id")
    public String leadUnitId;

    /** SUBMITTED or WAIVED; a missing opinion has no row. */
    @Enumerated(EnumType.STRING)
    public OpinionState state;

    public String text;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> suggestions = new ArrayList<>();

    @Column(name = "submitted_by_id")
    public String submittedById;

    @Column(name = "submitted_by_name")
    public String submittedByName;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "waiver_reason")
    public String waiverReason;

    @Column(name = "waived_by_id")
    public String waivedById;

    @Column(name = "waived_by_name")
    public String waivedByName;

    @Column(name = "waived_at")
    public OffsetDateTime waivedAt;

    @Version
    public long version;

    protected CoHandlingOpinion() {
    }

    private CoHandlingOpinion(HandlingCase coHandlingCase, OpinionState state) {
        this.id = UUID.randomUUID();
        this.caseId = coHandlingCase.id;
        this.assignmentId = coHandlingCase.assignmentId;
        this.proposalId = coHandlingCase.proposalId;
        this.unitId = coHandlingCase.unitId;
        this.leadUnitId = coHandlingCase.leadUnitId;
        this.state = state;
    }

    /** The co-handling unit's opinion, as its handler submitted it. */
    public static CoHandlingOpinion submitted(HandlingCase coHandlingCase, String text, List<String> suggestions,
                                              String byId, String byName, OffsetDateTime at) {
        CoHandlingOpinion opinion = new CoHandlingOpinion(coHandlingCase, OpinionState.SUBMITTED);
        opinion.text = text;
        opinion.suggestions = new ArrayList<>(suggestions);
        opinion.submittedById = byId;
        opinion.submittedByName = byName;
        opinion.submittedAt = at;
        return opinion;
    }

    /** The lead unit no longer waits for the co-handling unit's opinion, for the reason given. */
    public static CoHandlingOpinion waived(HandlingCase coHandlingCase, String reason, String byId, String byName,
                                           OffsetDateTime at) {
        CoHandlingOpinion opinion = new CoHandlingOpinion(coHandlingCase, OpinionState.WAIVED);
        opinion.waiverReason = reason;
        opinion.waivedById = byId;
        opinion.waivedByName = byName;
        opinion.waivedAt = at;
        return opinion;
    }
}
