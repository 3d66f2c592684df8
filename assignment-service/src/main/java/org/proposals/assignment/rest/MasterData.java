package org.proposals.assignment.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.proposals.assignment.MasterRecord;
import org.proposals.assignment.service.UnitService;
import org.proposals.kit.rest.Versions;

/** How the resources of units, divisions and people answer: every single record with its version as ETag. */
final class MasterData {

    private MasterData() {
    }

    /**
     * The version a PUT's If-Match names, or null when it names none: a PUT may create a record without one,
     * but changing a record needs it (428).
     */
    static Long ifMatch(String header) {
        return header == null || header.isBlank() ? null : Versions.ifMatch(header, true);
    }

    static Response read(MasterRecord record, Object view) {
        return Response.ok(view).tag(Versions.etag(record.version)).build();
    }

    /** 201 with the record's own address when the PUT created it, 200 otherwise. */
    static Response saved(UnitService.Saved<?> saved, Object view, UriInfo uri) {
        Response.ResponseBuilder response = saved.outcome() == UnitService.Outcome.CREATED
                ? Response.created(uri.getAbsolutePath())
                : Response.ok();
        return response.entity(view).tag(Versions.etag(saved.record().version)).build();
    }
}
