package org.consentgov.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, numbered from 0. */
@Schema(description = "One page of results, numbered from 0")
public record PageView<T>(
        @Schema(description = "The items on this page") List<T> items,

        @Schema(description = "Page number, from 0", examples = "0")
        int page,

        @Schema(description = "Page size asked for", examples = "20")
        int size,

        @Schema(description = "Items in all pages", examples = "2")
        long totalItems,

        @Schema(description = "Number of pages", examples = "1")
        int totalPages) {

    public static <T> PageView<T> of(List<T> items, int page, int size, long totalItems) {
        int pages = (int) ((totalItems + size - 1) / size);
        return new PageView<>(List.copyOf(items), page, size, totalItems, pages);
    }

    public <R> PageView<R> map(Function<T, R> mapper) {
        return new PageView<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
