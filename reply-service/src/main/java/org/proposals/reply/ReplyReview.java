package org.proposals.reply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One level's decision on one version of a reply. */
@Entity
@Table(name = "reply_review")
public class ReplyReview extends PanacheEntityBase {

    public enum Decision { APPROVED, RETURNED }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reply_id")
    public Reply reply;

    @Column(name = "version_number")
    public int versionNumber;

    @Enumerated(EnumType.STRING)
    public ReviewLevel level;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    public String comments;

    @Column(name = "reviewer_id")
    public String reviewerId;

    @Column(name = "reviewer_name")
    public String reviewerName;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
}
