package org.proposals.evaluation.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * The office's adjustment of a unit's points sheet: points to add (positive) or take off (negative), at most two
 * decimals and not 0, and why.
 */
public record AdjustmentRequest(
        @NotNull @DecimalMin("-100") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal points,
        @NotBlank @Size(max = 2000) String reason) {
}
