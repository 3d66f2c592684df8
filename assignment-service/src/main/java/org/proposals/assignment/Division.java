package org.proposals.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A division (处室) of a handling unit, e.g. {@code miit-sme} 中小企业服务处: where a case is handled within
 * the unit. A division stays with its unit for good; retired rather than deleted.
 */
@Entity
@Table(name = "division")
public class Division extends MasterRecord {

    @Id
    public String id;

    @Column(name = "unit_id")
    public String unitId;

    public String name;
}
