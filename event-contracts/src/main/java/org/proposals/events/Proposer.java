package org.proposals.events;

/** A CPPCC member, an NPC deputy or a group (party, sector, special committee) who put a proposal forward. */
public record Proposer(String id, String name) {
}
