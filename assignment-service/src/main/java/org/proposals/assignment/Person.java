package org.proposals.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person of a handling unit and their place in its responsibility chain. The id is the person's subject
 * in the identity provider's tokens. Retired rather than deleted, so that records naming them stay readable.
 */
@Entity
@Table(name = "person")
public class Person extends MasterRecord {

    /** The four-level responsibility chain (四级办理机制) and the unit's office beside it. */
    public enum Position {
        /** 局主要领导: the head of the unit; signs key replies. */
        BUREAU_HEAD("局主要领导"),
        /** 分管局领导: the deputy head in charge of the matter. */
        DEPUTY_HEAD("分管局领导"),
        /** 处室负责人: the head of the division that handles the case. */
        DIVISION_HEAD("处室负责人"),
        /** 具体承办人: the person who handles the case and drafts the reply. */
        HANDLER("具体承办人"),
        /** 办公室: the office that signs for, distributes, tracks and reviews. */
        OFFICE("办公室");

        public final String label;

        Position(String label) {
            this.label = label;
        }

        /** Leaders stand above the divisions; division heads and handlers work in one. */
        public boolean belongsToNoDivision() {
            return this == BUREAU_HEAD || this == DEPUTY_HEAD;
        }

        public boolean needsDivision() {
            return this == DIVISION_HEAD || this == HANDLER;
        }
    }

    @Id
    public String id;

    public String name;

    @Column(name = "unit_id")
    public String unitId;

    @Column(name = "division_id")
    public String divisionId;

    @Enumerated(EnumType.STRING)
    public Position position;

    public String phone;
}
