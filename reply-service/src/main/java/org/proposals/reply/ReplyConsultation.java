package org.proposals.reply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A reviewed version put to the proposer before the reply is final (先行征询意见), with their answer. */
@Entity
@Table(name = "reply_consultation")
public class ReplyConsultation extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reply_id")
    public Reply reply;

    @Column(name = "version_number")
    public int versionNumber;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "sent_by_id")
    public String sentById;

    @Column(name = "sent_by_name")
    public String sentByName;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    /** Whether the proposer agrees with the draft; null until they answer. */
    public Boolean agrees;

    public String comments;

    /** PLATFORM when the proposer answered here; otherwise how the unit heard it (PHONE, VISIT ...). */
    @Column(name = "answer_channel")
    public String answerChannel;

    @Column(name = "answered_by_id")
    public String answeredById;

    @Column(name = "answered_by_name")
    public String answeredByName;

    public boolean answered() {
        return answeredAt != null;
    }
}
