package io.animops.operator.llm;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SharedHttpClientsTest {
    @Test
    void modelClientsWithTheSameTimeoutsGetOneHttpClient() {
        SharedHttpClients clients = new SharedHttpClients();
        var first = clients.builder()
                .connectTimeout(Duration.ofSeconds(60))
                .readTimeout(Duration.ofSeconds(60))
                .build();
        var second = clients.builder()
                .connectTimeout(Duration.ofSeconds(60))
                .readTimeout(Duration.ofSeconds(60))
                .build();
        var otherTimeout = clients.builder()
                .connectTimeout(Duration.ofSeconds(60))
                .readTimeout(Duration.ofSeconds(5))
                .build();
        var unset = clients.builder().build();

        assertThat(second).isSameAs(first);
        assertThat(otherTimeout).isNotSameAs(first);
        assertThat(unset).isNotSameAs(first).isSameAs(clients.builder().build());
    }

    @Test
    void aBuilderTellsTheTimeoutsItWasGiven() {
        var builder = new SharedHttpClients().builder().connectTimeout(Duration.ofSeconds(3));
        assertThat(builder.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(builder.readTimeout()).isNull();
    }
}
