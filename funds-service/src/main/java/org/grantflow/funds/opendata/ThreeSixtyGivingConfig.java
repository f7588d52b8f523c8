package org.grantflow.funds.opendata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the funder appears in its 360Giving data. */
@ConfigMapping(prefix = "grantflow.three-sixty-giving")
public interface ThreeSixtyGivingConfig {

    /** The funder's registered 360Giving prefix; every grant identifier starts with it. */
    @WithDefault("360G-grantflow")
    String prefix();

    /** The funder's organisation identifier (org-id.guide), e.g. {@code GB-GOR-...}. */
    @WithDefault("XI-GRANTFLOW-PCC")
    String funderId();

    @WithDefault("Office of the Police and Crime Commissioner")
    String funderName();
}
