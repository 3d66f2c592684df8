package org.proposals.assignment.service;

import org.proposals.events.HandlingType;

/** One unit the committee gives a proposal to, with its handling type. */
public record UnitAssignment(String unitId, String unitName, HandlingType handlingType) {
}
