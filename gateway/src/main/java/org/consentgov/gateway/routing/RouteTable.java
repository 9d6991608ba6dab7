package org.consentgov.gateway.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps a request path to its upstream by the longest matching prefix, and says which paths are public. */
public final class RouteTable {

    public record Match(String prefix, String upstream) {}

    private final List<Match> routes;
    private final List<String> publicPaths;

    public RouteTable(Map<String, String> routes, List<String> publicPaths) {
        this.routes = routes.entrySet().stream()
                .map(e -> new Match(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt((Match m) -> m.prefix().length())
                        .reversed())
                .toList();
        this.publicPaths = List.copyOf(publicPaths);
    }

    public Optional<Match> match(String path) {
        if (path == null || path.contains("/../") || path.endsWith("/..")) {
            return Optional.empty();
        }
        return routes.stream().filter(r -> matches(path, r.prefix())).findFirst();
    }

    public boolean isPublic(String path) {
        return publicPaths.stream().anyMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p));
    }

    /** {@code /api/notices} matches /api/notices and /api/notices/..., not /api/noticesX. */
    static boolean matches(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }
}
