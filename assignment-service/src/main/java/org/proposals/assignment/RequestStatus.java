package org.proposals.assignment;

/** Where a unit's request (adjustment or extension) stands. */
public enum RequestStatus {
    PENDING,
    GRANTED,
    REJECTED
}
