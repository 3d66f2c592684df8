package org.proposals.reply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A work measure a unit took because of proposals it handled (提案转化为实际工作措施): a policy document, an
 * action plan, an event, a platform. The cases (and so the proposals) it stems from are its {@link WorkMeasureLink}s.
 */
@Entity
@Table(name = "work_measure")
public class WorkMeasure extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "unit_id")
    public String unitId;

    @Enumerated(EnumType.STRING)
    public MeasureKind kind;

    public String title;

    /** The document's number (文号) where it has one, e.g. 工信发〔2022〕12号. */
    @Column(name = "document_number")
    public String documentNumber;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    /** Who issued it, e.g. the city government or the bureau; optional. */
    public String issuer;

    public String description;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by_id")
    public String recordedById;

    @Column(name = "recorded_by_name")
    public String recordedByName;

    /** When the measure's details were last corrected; null until then. */
    @Column(name = "corrected_at")
    public OffsetDateTime correctedAt;

    @Version
    public long version;
}
