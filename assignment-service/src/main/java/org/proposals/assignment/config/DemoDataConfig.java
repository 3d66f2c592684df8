package org.proposals.assignment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The demo units, divisions and people of the local run (the people the local identity provider issues
 * tokens for). Off unless asked for: a deployment keeps its own master data.
 */
@ConfigMapping(prefix = "assignment.demo-data")
public interface DemoDataConfig {

    /** Load {@code demo/units-and-people.csv} at start-up, as an import would; loading it again changes nothing. */
    @WithDefault("false")
    boolean enabled();
}
