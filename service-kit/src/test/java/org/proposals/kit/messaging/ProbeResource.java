package org.proposals.kit.messaging;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.UUID;

/** The probe's state change over HTTP, as a service's resource would make it. */
@Path("/probe/records/{id}")
@PermitAll
public class ProbeResource {

    @Inject
    ProbeService probe;

    @POST
    public void record(@PathParam("id") UUID id, @QueryParam("title") String title) {
        probe.record(id, title);
    }

    @POST
    @Path("/revision")
    public void revise(@PathParam("id") UUID id, @QueryParam("title") String title) {
        probe.revise(id, title);
    }
}
