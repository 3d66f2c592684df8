package org.proposals.reply.service;

import java.math.BigDecimal;

/**
 * How well a unit kept in touch with proposers: of its live cases that reply to the proposer (sole, lead, split),
 * how many have at least one undisputed contact and how many at least one undisputed face-to-face contact (面商).
 *
 * @param contactRate    contactedCases / replyingCases, four decimals; null when there are no such cases
 * @param faceToFaceRate faceToFaceCases / replyingCases, four decimals; null when there are no such cases
 */
public record UnitContactRate(String unitId, String unitName, long replyingCases, long contactedCases,
                              long faceToFaceCases, BigDecimal contactRate, BigDecimal faceToFaceRate) {
}
