package io.animops.operator.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list. {@code continue} is present when more items follow: pass it back unchanged, with the same
 * filters, to get the next page.
 */
public record Page<T>(
        List<T> items,
        int limit,

        @JsonProperty("continue")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Token for the next page; absent on the last page")
        String continueToken) {

    /**
     * The page from the rows a query fetched: it asks for one row more than the limit, so that a next page is
     * announced only when there is one.
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, PageRequest.Position> position) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, request.limit(), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, request.limit()));
        return new Page<>(items, request.limit(), request.token(position.apply(items.get(items.size() - 1))));
    }
}
