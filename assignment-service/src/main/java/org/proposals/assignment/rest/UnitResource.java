package org.proposals.assignment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.proposals.assignment.HandlingUnit;
import org.proposals.assignment.MasterRecord;
import org.proposals.assignment.rest.UnitViews.UnitView;
import org.proposals.assignment.service.UnitService;
import org.proposals.kit.rest.Page;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.PROPOSER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "Master data: handling units, their divisions and their people")
public class UnitResource {

    /** A unit as the committee records it; {@code active=false} retires it, {@code true} reinstates it. */
    public record HandlingUnitRequest(@NotBlank @Size(max = 200) String name, @Size(max = 100) String shortName,
                                      Boolean active) {
    }

    @Inject
    UnitService units;

    @GET
    @RolesAllowed({PROPOSER, COMMITTEE, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "The handling units, by id", description = "Retired units only with includeRetired=true.")
    @APIResponse(responseCode = "200", description = "A page of units")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    public Page<UnitView> listUnits(@QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired,
                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return new Page<>(units.units(includeRetired, page, size).stream().map(UnitView::of).toList(),
                units.countUnits(includeRetired), page, size);
    }

    @GET
    @Path("/{unitId}")
    @RolesAllowed({PROPOSER, COMMITTEE, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "One handling unit", description = "Its version is the ETag to send in If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The unit", content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "404", description = "No such unit")
    public Response getUnit(@PathParam("unitId") String unitId) {
        HandlingUnit unit = units.unit(unitId);
        return MasterData.read(unit, UnitView.of(unit));
    }

    @PUT
    @Path("/{unitId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Add or change a handling unit",
            description = "Creates the unit under this id, or changes it: then If-Match must name its current version. "
                    + "active=false retires it (once its divisions and people are retired), active=true reinstates it; "
                    + "left out, it stays as it is.")
    @APIResponse(responseCode = "200", description = "Changed (or already so)", content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "400", description = "Invalid id or body")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only the proposal committee and administrators keep the units")
    @APIResponse(responseCode = "409", description = "Retiring a unit that still has active divisions or people")
    @APIResponse(responseCode = "412", description = "The unit changed since the version in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match missing for a unit that exists")
    public Response saveUnit(@PathParam("unitId") @Pattern(regexp = MasterRecord.UNIT_ID_PATTERN, message = MasterRecord.UNIT_ID_RULE)
                         String unitId,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @NotNull @Valid HandlingUnitRequest body,
                         @Context UriInfo uri) {
        UnitService.Saved<HandlingUnit> saved = units.saveUnit(unitId, MasterData.ifMatch(ifMatch),
                new UnitService.UnitDetails(body.name(), body.shortName(), body.active()));
        return MasterData.saved(saved, UnitView.of(saved.record()), uri);
    }
}
