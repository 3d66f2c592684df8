package org.proposals.assignment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.assignment.Division;
import org.proposals.assignment.MasterRecord;
import org.proposals.assignment.rest.UnitViews.DivisionView;
import org.proposals.assignment.service.UnitScope;
import org.proposals.assignment.service.UnitService;
import org.proposals.kit.messaging.RequestTrace;

import java.util.List;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.PROPOSER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/units/{unitId}/divisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units")
public class DivisionResource {

    /** A division as its unit records it; {@code active=false} retires it, {@code true} reinstates it. */
    public record DivisionRequest(@NotBlank @Size(max = 200) String name, Boolean active) {
    }

    @Inject
    UnitService units;

    @Inject
    RequestTrace trace;

    @GET
    @RolesAllowed({PROPOSER, COMMITTEE, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "The divisions of a unit, by id", description = "Retired divisions only with includeRetired=true.")
    @APIResponse(responseCode = "200", description = "The divisions")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "404", description = "No such unit")
    public List<DivisionView> listDivisions(@PathParam("unitId") String unitId,
                                   @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired) {
        return units.divisions(unitId, includeRetired).stream().map(DivisionView::of).toList();
    }

    @GET
    @Path("/{divisionId}")
    @RolesAllowed({PROPOSER, COMMITTEE, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "One division", description = "Its version is the ETag to send in If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The division", content = @Content(schema = @Schema(implementation = DivisionView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "404", description = "No such unit, or no such division in it")
    public Response getDivision(@PathParam("unitId") String unitId, @PathParam("divisionId") String divisionId) {
        Division division = units.division(unitId, divisionId);
        return MasterData.read(division, DivisionView.of(division));
    }

    @PUT
    @Path("/{divisionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COMMITTEE, ADMIN, UNIT_OFFICE})
    @Operation(summary = "Add or change a division of a unit",
            description = "The committee and administrators for every unit, a unit's office for its own. Changing an existing "
                    + "division needs If-Match. active=false retires it (once nobody active works in it), active=true "
                    + "reinstates it; left out, it stays as it is.")
    @APIResponse(responseCode = "200", description = "Changed (or already so)", content = @Content(schema = @Schema(implementation = DivisionView.class)))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = DivisionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid id or body")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only the committee, administrators and units' offices keep divisions")
    @APIResponse(responseCode = "404", description = "No such unit, or another unit's (for an office)")
    @APIResponse(responseCode = "409", description = "The division is another unit's, the unit is retired, or people still work in a division being retired")
    @APIResponse(responseCode = "412", description = "The division changed since the version in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match missing for a division that exists")
    public Response saveDivision(@PathParam("unitId") String unitId,
                         @PathParam("divisionId") @Pattern(regexp = MasterRecord.CODE_PATTERN, message = MasterRecord.CODE_RULE)
                         String divisionId,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @NotNull @Valid DivisionRequest body,
                         @Context UriInfo uri) {
        UnitService.Saved<Division> saved = units.saveDivision(UnitScope.of(trace.actor()), unitId, divisionId,
                MasterData.ifMatch(ifMatch), new UnitService.DivisionDetails(body.name(), body.active()));
        return MasterData.saved(saved, DivisionView.of(saved.record()), uri);
    }
}
