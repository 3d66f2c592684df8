package org.proposals.events;

/** When a proposal was put forward: during the plenary session or during the recess (闭会期间). */
public enum ProposalSource {
    /** Submitted for the session, up to the end of its plenary meeting (大会期间). */
    PLENARY,
    /** Submitted between plenary meetings (闭会期间); such proposals run their own clocks. */
    RECESS
}
