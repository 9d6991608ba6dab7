package org.consentgov.platform.paging;

/**
 * The paging limits every list endpoint uses: {@code ?page=0&size=20}, at most {@value #MAX_SIZE} a page.
 * Resources declare {@code @Min(0)} on page and {@code @Min(1) @Max(Paging.MAX_SIZE)} on size, so a larger
 * size is a 400 problem rather than a silently shorter page.
 */
public final class Paging {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    private Paging() {}
}
