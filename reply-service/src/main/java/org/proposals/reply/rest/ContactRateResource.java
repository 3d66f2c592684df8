package org.proposals.reply.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.security.Access;
import org.proposals.reply.service.ContactService;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/contact-rates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "The unit's contacts with the proposer, confirmed or disputed by the proposer")
public class ContactRateResource {

    @Inject
    ContactService contacts;

    @Inject
    RequestTrace trace;

    @GET
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "Contact and face-to-face rates (面商率) per unit",
            description = "Of each unit's live cases that reply to the proposer (SOLE, LEAD, SPLIT) opened between from"
                    + " and to (city days, inclusive): how many have at least one contact and how many at least one"
                    + " face-to-face contact, disputed contacts not counting, and the two rates (four decimals, null"
                    + " without cases). People of a unit get their own unit's figures only.")
    @APIResponse(responseCode = "200", description = "The figures, by unit",
            content = @Content(schema = @Schema(implementation = ContactRatesView.class)))
    @APIResponse(responseCode = "400", description = "from or to is not an ISO date, or from is after to")
    @APIResponse(responseCode = "403", description = "Proposers do not see units' figures")
    public ContactRatesView rates(@QueryParam("unitId") @Parameter(description = "Only this unit") String unitId,
                                  @QueryParam("from") @Parameter(description = "Cases opened on or after this day (YYYY-MM-DD)") String from,
                                  @QueryParam("to") @Parameter(description = "Cases opened on or before this day (YYYY-MM-DD)") String to) {
        LocalDate fromDay = day("from", from);
        LocalDate toDay = day("to", to);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        String unit = Access.unitFilter(trace.actor(), unitId == null || unitId.isBlank() ? null : unitId.strip());
        return new ContactRatesView(fromDay, toDay, contacts.rates(unit, fromDay, toDay));
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(name, "must be an ISO date (YYYY-MM-DD)");
        }
    }
}
