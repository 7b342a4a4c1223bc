package com.ccabot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** state.*: where replicas share their state, checked at start, the password never in a setting or a message. */
class StateSettingsTest {

    private static Config load(Map<String, String> environment, Map<String, String> options) {
        return new ConfigLoader(environment).load(null, options);
    }

    @Test
    void emptyByDefaultSoOneProcessKeepsItsOwnState() {
        Config config = load(Map.of(), Map.of());
        assertThat(config.state().shared()).isFalse();
        assertThat(config.state().claimAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void takesARedisUrlFromTheEnvironment() {
        Config config = load(Map.of("CCA_STATE_REDIS_URL", "rediss://redis.internal:6380/2", "CCA_STATE_CLAIM_AFTER", "5s"),
                Map.of());
        assertThat(config.state().redisUrl()).isEqualTo("rediss://redis.internal:6380/2");
        assertThat(config.state().shared()).isTrue();
        assertThat(config.state().claimAfter()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refusesAPasswordInTheUrlWithoutShowingIt() {
        assertThatThrownBy(() -> load(Map.of(), Map.of("state.redis-url", "redis://:hunter2secret@redis:6379")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("state.redis-url").hasMessageContaining("REDIS_PASSWORD")
                .hasMessageContaining("redis://***@redis:6379")
                .hasMessageNotContaining("hunter2secret");
        assertThatThrownBy(() -> load(Map.of("CCA_STATE_REDIS_URL", "redis://admin:hunter2secret@redis"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageNotContaining("hunter2secret");
    }

    @Test
    void refusesWhatIsNotARedisUrl() {
        assertThatThrownBy(() -> load(Map.of(), Map.of("state.redis-url", "http://redis:6379")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("redis:// or rediss://");
        assertThatThrownBy(() -> load(Map.of(), Map.of("state.redis-url", "redis://redis:6379/cache")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("database number");
        assertThatThrownBy(() -> load(Map.of(), Map.of("state.claim-after", "1s")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("at least 3s");
    }

    @Test
    void thePasswordComesFromTheEnvironmentAndIsNeverPrinted() {
        Secrets secrets = Secrets.fromEnvironment(Map.of("REDIS_PASSWORD", "hunter2secret"));
        assertThat(secrets.redisPassword()).isEqualTo("hunter2secret");
        assertThat(secrets.toString()).contains("redisPassword=set").doesNotContain("hunter2secret");
    }
}
