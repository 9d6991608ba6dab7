package org.consentgov.notice.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "notice")
public interface NoticeConfig {

    DemoData demoData();

    interface DemoData {
        /** Load and publish both seed notices at start-up when they are not there yet. */
        @WithDefault("false")
        boolean enabled();
    }
}
