package org.proposals.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A member who co-signed a proposal (附议人). */
@Embeddable
public class CoProposer {

    @Column(name = "person_id")
    public String personId;

    public String name;

    /** 界别 for a CPPCC member, the delegation (代表团) for an NPC deputy. */
    public String sector;

    public String contact;

    protected CoProposer() {
    }

    public CoProposer(String personId, String name, String sector, String contact) {
        this.personId = personId;
        this.name = name;
        this.sector = sector;
        this.contact = contact;
    }
}
