package io.animops.operator.events;

import io.animops.operator.api.*;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.subscription.MultiEmitter;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventHubTest {
    private static void progress(EventHub hub, int percent) {
        hub.publish(StreamEvent.CHANGE, "RenderJob", "default", "job-1", Map.of("progress", percent));
    }

    private static List<Object> progressOf(List<StreamEvent> events) {
        return events.stream().map(e -> e.data().get("progress")).toList();
    }

    @Test
    void aReconnectingClientGetsWhatItMissedInOrder() {
        EventHub hub = new EventHub(100, 50);
        AssertSubscriber<StreamEvent> first =
                hub.subscribe(null, e -> true).subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        progress(hub, 10);
        progress(hub, 20);
        String lastSeen = first.getItems().get(1).id();
        first.cancel();
        assertThat(hub.subscribers()).isZero();
        progress(hub, 30);
        progress(hub, 40);
        AssertSubscriber<StreamEvent> again =
                hub.subscribe(lastSeen, e -> true).subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        progress(hub, 50);
        assertThat(progressOf(first.getItems())).containsExactly(10, 20);
        assertThat(progressOf(again.getItems())).containsExactly(30, 40, 50);
    }

    @Test
    void anIdTheBufferNoLongerReachesGetsAResync() {
        EventHub hub = new EventHub(3, 50);
        AssertSubscriber<StreamEvent> probe =
                hub.subscribe(null, e -> true).subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        progress(hub, 2);
        String second = probe.getItems().get(0).id();
        for (int i = 3; i < 10; i++) {
            progress(hub, i);
        }
        List<StreamEvent> resumed = hub.subscribe(second, e -> true)
                .subscribe()
                .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE))
                .getItems();
        assertThat(resumed).extracting(StreamEvent::type).containsExactly(StreamEvent.RESYNC);
        List<StreamEvent> foreign = hub.subscribe("otherepoch-5", e -> true)
                .subscribe()
                .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE))
                .getItems();
        assertThat(foreign).extracting(StreamEvent::type).containsExactly(StreamEvent.RESYNC);
    }

    @Test
    void aClientThatDoesNotTakeItsEventsIsDropped() {
        EventHub hub = new EventHub(10, 5);
        AssertSubscriber<StreamEvent> slow =
                hub.subscribe(null, e -> true).subscribe().withSubscriber(AssertSubscriber.create(0));
        for (int i = 0; i < 6; i++) {
            progress(hub, i);
        }
        slow.assertFailedWith(io.smallrye.mutiny.subscription.BackPressureFailure.class);
        assertThat(hub.subscribers()).isZero();
    }

    @Test
    void theFilterChoosesNamespaceAndKind() {
        EventHub hub = new EventHub(10, 10);
        AssertSubscriber<StreamEvent> jobs = hub.subscribe(null, EventStreamResource.filter("default", "RenderJob"))
                .subscribe()
                .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        progress(hub, 1);
        hub.publish(StreamEvent.CHANGE, "RenderJob", "other", "job-2", Map.of("progress", 2));
        hub.publish(StreamEvent.CHANGE, "AnimationIdea", "default", "idea", Map.of("phase", "Proposed"));
        hub.publish(StreamEvent.AUDIT, "RenderJob", "default", "job-1", Map.of("eventType", "x"));
        assertThat(progressOf(jobs.getItems())).containsExactly(1);
    }

    @Test
    void aSubscriberWhoseEmitThrowsIsDroppedWithoutFailingThePublisher() {
        EventHub hub = new EventHub(100, 50);
        AssertSubscriber<StreamEvent> healthy =
                hub.subscribe(null, e -> true).subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        List<Throwable> failures = new ArrayList<>();
        // what Mutiny did once when a full client buffer raced its drain: emit threw from its cancel path
        @SuppressWarnings("unchecked")
        MultiEmitter<StreamEvent> broken = (MultiEmitter<StreamEvent>) Proxy.newProxyInstance(
                MultiEmitter.class.getClassLoader(), new Class<?>[] {MultiEmitter.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "emit" -> throw new IllegalStateException("new buffer must have at least one element");
                        case "fail" -> failures.add((Throwable) args[0]);
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        default -> {}
                    }
                    return method.getReturnType() == boolean.class
                            ? false
                            : method.getReturnType() == long.class ? 0L : null;
                });
        synchronized (hub) {
            hub.register(e -> true, broken);
        }
        assertThat(hub.subscribers()).isEqualTo(2);

        progress(hub, 10);
        progress(hub, 20);

        assertThat(hub.subscribers()).isEqualTo(1);
        assertThat(failures).singleElement().isInstanceOf(IllegalStateException.class);
        assertThat(progressOf(healthy.getItems())).containsExactly(10, 20);
    }
}
