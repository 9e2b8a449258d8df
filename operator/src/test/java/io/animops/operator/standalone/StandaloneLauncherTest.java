package io.animops.operator.standalone;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class StandaloneLauncherTest {
    @Test
    void nettysChunksAreSetBeforeTheEmbeddedApiLoadsNettyUnlessTheCommandLineSaysOtherwise() {
        Properties unset = new Properties();
        StandaloneLauncher.setBeforeNettyLoads(unset);
        assertThat(unset.getProperty("io.netty.allocator.maxOrder")).isEqualTo("3");

        Properties given = new Properties();
        given.setProperty("io.netty.allocator.maxOrder", "9");
        StandaloneLauncher.setBeforeNettyLoads(given);
        assertThat(given.getProperty("io.netty.allocator.maxOrder")).isEqualTo("9");
    }
}
