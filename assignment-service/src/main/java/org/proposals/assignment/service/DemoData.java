package org.proposals.assignment.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proposals.assignment.config.DemoDataConfig;
import org.proposals.kit.tabular.TabularFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads the demo units, divisions and people at start-up when {@code assignment.demo-data.enabled} is set,
 * through the same import as an office's file, so the demo file is also a sample of the layout. An import is
 * an upsert by id: a restart finds every row unchanged and writes nothing, and two replicas starting together
 * take turns on the master data's lock.
 */
@ApplicationScoped
public class DemoData {

    public static final String RESOURCE = "demo/units-and-people.csv";

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    DemoDataConfig config;

    @Inject
    UnitImport imports;

    void onStart(@Observes StartupEvent start) {
        if (!config.enabled()) {
            return;
        }
        UnitImport.Report report = imports.importFile(UnitScope.ALL, read(), RESOURCE, false);
        LOG.infof("Demo units and people from %s: %d people created, %d updated, %d unchanged; %d units and %d divisions created",
                RESOURCE, report.created(), report.updated(), report.unchanged(), report.units().created(),
                report.divisions().created());
    }

    /** The demo file as the import reads it. */
    public static TabularFile read() {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return TabularFile.read(RESOURCE, "text/csv", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
