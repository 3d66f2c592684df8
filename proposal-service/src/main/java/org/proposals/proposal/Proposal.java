package org.proposals.proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.proposals.events.ProposalKind;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A CPPCC proposal or an NPC deputy's suggestion, registered under a number. */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public ProposalKind kind;

    public String number;

    public String title;

    public String content;

    @Column(name = "proposer_id")
    public String proposerId;

    @Column(name = "proposer_name")
    public String proposerName;

    @Enumerated(EnumType.STRING)
    public ProposalStatus status;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "proposal", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @OrderBy("unitId")
    public List<ProposalHandling> handlings = new ArrayList<>();

    public Optional<ProposalHandling> handlingBy(String unitId) {
        return handlings.stream().filter(h -> h.unitId.equals(unitId)).findFirst();
    }

    public ProposalHandling handlingByOrNew(String unitId) {
        return handlingBy(unitId).orElseGet(() -> {
            ProposalHandling handling = new ProposalHandling(this, unitId);
            handlings.add(handling);
            return handling;
        });
    }

    /** The status follows from what the units have done: replied once every replying unit has replied, and so on. */
    public void refreshStatus(OffsetDateTime now) {
        List<ProposalHandling> replying = handlings.stream().filter(ProposalHandling::owesReply).toList();
        ProposalStatus derived;
        if (handlings.isEmpty()) {
            derived = ProposalStatus.SUBMITTED;
        } else if (!replying.isEmpty() && replying.stream().allMatch(h -> h.ratedAt != null)) {
            derived = ProposalStatus.EVALUATED;
        } else if (!replying.isEmpty() && replying.stream().allMatch(h -> h.repliedAt != null)) {
            derived = ProposalStatus.REPLIED;
        } else {
            derived = ProposalStatus.ASSIGNED;
        }
        if (derived != status) {
            status = derived;
            updatedAt = now;
        }
    }
}
