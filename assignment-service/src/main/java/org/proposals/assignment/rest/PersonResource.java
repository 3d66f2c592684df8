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
import org.proposals.assignment.MasterRecord;
import org.proposals.assignment.Person;
import org.proposals.assignment.rest.UnitViews.PersonView;
import org.proposals.assignment.service.UnitScope;
import org.proposals.assignment.service.UnitService;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.Page;
import org.proposals.kit.security.Access;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.PROPOSER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/units/{unitId}/people")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units")
public class PersonResource {

    /**
     * A person of the unit and their place in its responsibility chain. Division heads and handlers name their
     * division; the bureau head and deputy heads belong to none. {@code active=false} retires the person.
     */
    public record PersonRequest(@NotBlank @Size(max = 200) String name,
                                @Pattern(regexp = MasterRecord.CODE_PATTERN, message = MasterRecord.CODE_RULE) String divisionId,
                                @NotNull Person.Position position,
                                @Size(max = 50) String phone,
                                Boolean active) {
    }

    @Inject
    UnitService units;

    @Inject
    RequestTrace trace;

    @GET
    @RolesAllowed({PROPOSER, COMMITTEE, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "The people of a unit, from the head down the chain",
            description = "Optionally of one division or in one position; retired people only with includeRetired=true. "
                    + "Proposers see names and positions, not phone numbers.")
    @APIResponse(responseCode = "200", description = "A page of people")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "404", description = "No such unit")
    public Page<PersonView> listPeople(@PathParam("unitId") String unitId,
                                 @QueryParam("divisionId") String divisionId,
                                 @QueryParam("position") Person.Position position,
                                 @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        boolean contacts = seesContacts();
        return new Page<>(units.people(unitId, divisionId, position, includeRetired, page, size).stream()
                .map(p -> PersonView.of(p, contacts)).toList(),
                units.countPeople(unitId, divisionId, position, includeRetired), page, size);
    }

    @GET
    @Path("/{personId}")
    @RolesAllowed({PROPOSER, COMMITTEE, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "One person of a unit",
            description = "Its version is the ETag to send in If-Match when changing it. Proposers do not see the phone number.")
    @APIResponse(responseCode = "200", description = "The person", content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "404", description = "No such unit, or no such person in it")
    public Response getPerson(@PathParam("unitId") String unitId, @PathParam("personId") String personId) {
        Person person = units.person(unitId, personId);
        return MasterData.read(person, PersonView.of(person, seesContacts()));
    }

    @PUT
    @Path("/{personId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COMMITTEE, ADMIN, UNIT_OFFICE})
    @Operation(summary = "Add or change a person of a unit",
            description = "The committee and administrators for every unit (saving a person under another unit moves them "
                    + "there), a unit's office for its own people. Changing an existing person needs If-Match. "
                    + "active=false retires the person, active=true reinstates them; left out, it stays as it is.")
    @APIResponse(responseCode = "200", description = "Changed (or already so)", content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "400", description = "Invalid id or body, or a division that is not the unit's, is retired or does not fit the position")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only the committee, administrators and units' offices keep people")
    @APIResponse(responseCode = "404", description = "No such unit, or another unit's unit or person (for an office)")
    @APIResponse(responseCode = "409", description = "The unit is retired")
    @APIResponse(responseCode = "412", description = "The person changed since the version in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match missing for a person who exists")
    public Response savePerson(@PathParam("unitId") String unitId,
                         @PathParam("personId") @Pattern(regexp = MasterRecord.PERSON_ID_PATTERN, message = MasterRecord.PERSON_ID_RULE)
                         String personId,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @NotNull @Valid PersonRequest body,
                         @Context UriInfo uri) {
        UnitService.Saved<Person> saved = units.savePerson(UnitScope.of(trace.actor()), unitId, personId,
                MasterData.ifMatch(ifMatch),
                new UnitService.PersonDetails(body.name(), body.divisionId(), body.position(), body.phone(), body.active()));
        return MasterData.saved(saved, PersonView.of(saved.record(), true), uri);
    }

    /** People's phone numbers are for those who work the cases, not for proposers. */
    private boolean seesContacts() {
        return !Access.isOnlyProposer(trace.actor());
    }
}
