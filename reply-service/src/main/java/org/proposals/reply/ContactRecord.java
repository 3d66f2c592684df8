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

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A unit's contact with the proposer on a case (a visit, symposium, call ...), and the proposer's answer to it. */
@Entity
@Table(name = "contact_record")
public class ContactRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "unit_id")
    public String unitId;

    @Enumerated(EnumType.STRING)
    public ContactChannel channel;

    /** Whether it counts as a face-to-face consultation (面商). */
    @Column(name = "face_to_face")
    public boolean faceToFace;

    @Column(name = "contacted_at")
    public OffsetDateTime contactedAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> participants = new ArrayList<>();

    /** What was said. */
    public String summary;

    @Column(name = "recorded_by_id")
    public String recordedById;

    @Column(name = "recorded_by_name")
    public String recordedByName;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Enumerated(EnumType.STRING)
    public ContactConfirmation confirmation = ContactConfirmation.UNANSWERED;

    @Column(name = "proposer_comment")
    public String proposerComment;

    @Column(name = "answered_by_id")
    public String answeredById;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Version
    public long version;

    protected ContactRecord() {
    }

    public ContactRecord(HandlingCase handlingCase, ContactChannel channel, boolean faceToFace, OffsetDateTime contactedAt,
                         List<String> participants, String summary, String byId, String byName, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.caseId = handlingCase.id;
        this.assignmentId = handlingCase.assignmentId;
        this.proposalId = handlingCase.proposalId;
        this.unitId = handlingCase.unitId;
        this.channel = channel;
        this.faceToFace = faceToFace;
        this.contactedAt = contactedAt;
        this.participants = new ArrayList<>(participants);
        this.summary = summary;
        this.recordedById = byId;
        this.recordedByName = byName;
        this.recordedAt = now;
    }

    /** The proposer says it did not take place, or not as recorded: it no longer counts for the unit. */
    public boolean disputed() {
        return confirmation == ContactConfirmation.DISPUTED;
    }

    public boolean answered() {
        return confirmation != ContactConfirmation.UNANSWERED;
    }

    /** The proposer's answer: confirmed, or disputed with a comment. */
    public void answer(boolean confirmed, String comment, String byId, OffsetDateTime at) {
        this.confirmation = confirmed ? ContactConfirmation.CONFIRMED : ContactConfirmation.DISPUTED;
        this.proposerComment = comment;
        this.answeredById = byId;
        this.answeredAt = at;
    }
}
