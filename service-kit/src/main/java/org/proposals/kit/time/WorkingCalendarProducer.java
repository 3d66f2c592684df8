package org.proposals.kit.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The service's {@link WorkingCalendar}: the shipped years, and the operator's files in
 * {@code calendar.directory} (default: none) so that a year published after a release can be added without
 * one. It is loaded once, at start-up (see {@link CalendarCoverage}), and a broken file stops the service.
 */
@Singleton
public class WorkingCalendarProducer {

    private static final Logger LOG = Logger.getLogger(WorkingCalendarProducer.class);

    @ConfigProperty(name = "calendar.directory")
    Optional<String> directory;

    @Produces
    @Singleton
    WorkingCalendar workingCalendar() {
        WorkingCalendar calendar = WorkingCalendar.load(directory.filter(d -> !d.isBlank()).map(Path::of));
        LOG.infof("Working-day calendar: %s", calendar.files().stream()
                .map(file -> file.year() + " from " + file.source())
                .collect(Collectors.joining(", ")));
        return calendar;
    }
}
