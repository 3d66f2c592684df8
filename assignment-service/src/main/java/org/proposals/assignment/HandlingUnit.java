package org.proposals.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A handling unit (承办单位) the committee assigns proposals to, e.g. {@code miit} 市工业和信息化局. Its id is
 * the unit code the identity provider puts in its people's tokens. Retired rather than deleted, so that
 * earlier assignments keep naming it; a retired unit gets no new assignments.
 */
@Entity
@Table(name = "handling_unit")
public class HandlingUnit extends MasterRecord {

    @Id
    public String id;

    public String name;

    /** The name used where space is short (市工信局). */
    @Column(name = "short_name")
    public String shortName;
}
