package org.proposals.assignment.service;

import org.proposals.events.HandlingType;

/**
 * One unit the committee gives a proposal to, with its handling type; the unit's name is taken from the
 * master data, and {@code unitName}, when the request sent one, is only checked against it.
 */
public record UnitAssignment(String unitId, String unitName, HandlingType handlingType) {
}
