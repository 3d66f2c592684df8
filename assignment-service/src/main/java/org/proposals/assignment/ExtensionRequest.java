package org.proposals.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A unit's request, made before its reply deadline, for a later one; the committee grants or refuses it. */
@Entity
@Table(name = "extension_request")
public class ExtensionRequest extends AssignmentChangeRequest {

    @Column(name = "current_due")
    public LocalDate currentDue;

    @Column(name = "requested_due")
    public LocalDate requestedDue;

    @Column(name = "granted_due")
    public LocalDate grantedDue;
}
