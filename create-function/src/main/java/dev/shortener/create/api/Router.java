package dev.shortener.create.api;

import dev.shortener.http.Problem;
import java.util.Map;

/**
 * The management API's routes, matched on method and path. Small enough to write out: a routing library would
 * cost more start-up time than these few comparisons.
 *
 * <pre>
 *   GET    /api/links                 list the caller's links
 *   POST   /api/links                 create
 *   POST   /api/links/bulk            create up to 100
 *   GET    /api/links/{code}          read
 *   PATCH  /api/links/{code}          update
 *   DELETE /api/links/{code}          delete
 *   GET    /api/links/{code}/stats    click statistics of a link
 *   GET    /api/links/{code}/qr       QR code of the short URL
 *   GET    /api/stats                 click statistics across the caller's links
 *   GET    /api/openapi.json          the API's OpenAPI document (no API key needed)
 * </pre>
 *
 * {@code bulk} is a reserved alias, so {@code POST /api/links/bulk} can't be mistaken for a link's path.
 */
final class Router {

    enum Route {
        CREATE,
        READ,
        UPDATE,
        DELETE,
        STATS,
        LIST,
        BULK,
        QR,
        OWNER_STATS,
        OPENAPI
    }

    /** Routes answered without an API key. */
    static boolean isPublic(Route route) {
        return route == Route.OPENAPI;
    }

    /** @param code the path's code segment as sent, or null for {@link Route#CREATE} */
    record Match(Route route, String code) {}

    private static final String COLLECTION = "/api/links";
    static final String OPENAPI_PATH = "/api/openapi.json";
    private static final String OWNER_STATS = "/api/stats";

    private Router() {}

    /** @throws ApiProblem 404 for an unknown path, 405 (with {@code Allow}) for a known path and another method */
    static Match match(String method, String path) {
        if (path.equals(OWNER_STATS)) {
            return only(method, "GET", new Match(Route.OWNER_STATS, null));
        }
        if (path.equals(COLLECTION)) {
            return switch (method) {
                case "GET" -> new Match(Route.LIST, null);
                case "POST" -> new Match(Route.CREATE, null);
                default -> throw notAllowed(method, "GET, POST");
            };
        }
        if (path.equals(OPENAPI_PATH)) {
            return only(method, "GET", new Match(Route.OPENAPI, null));
        }
        if (path.startsWith(COLLECTION + "/")) {
            String rest = path.substring(COLLECTION.length() + 1);
            int slash = rest.indexOf('/');
            String code = slash < 0 ? rest : rest.substring(0, slash);
            if (!code.isEmpty() && slash < 0) {
                boolean bulk = code.equals("bulk");
                return switch (method) {
                    case "GET" -> new Match(Route.READ, code);
                    case "PATCH" -> new Match(Route.UPDATE, code);
                    case "DELETE" -> new Match(Route.DELETE, code);
                    case "POST" -> {
                        if (bulk) {
                            yield new Match(Route.BULK, null);
                        }
                        throw notAllowed(method, "GET, PATCH, DELETE");
                    }
                    default -> throw notAllowed(method, bulk ? "GET, PATCH, DELETE, POST" : "GET, PATCH, DELETE");
                };
            }
            if (!code.isEmpty() && rest.substring(slash).equals("/stats")) {
                return only(method, "GET", new Match(Route.STATS, code));
            }
            if (!code.isEmpty() && rest.substring(slash).equals("/qr")) {
                return only(method, "GET", new Match(Route.QR, code));
            }
        }
        throw ApiProblem.of(
                Problems.NOT_FOUND,
                "There is nothing at this path. The API serves GET and POST /api/links, POST /api/links/bulk,"
                        + " GET, PATCH and DELETE /api/links/{code}, GET /api/links/{code}/stats and"
                        + " /api/links/{code}/qr, and GET /api/stats; its description is at GET /api/openapi.json.");
    }

    private static Match only(String method, String allowed, Match match) {
        if (!method.equals(allowed)) {
            throw notAllowed(method, allowed);
        }
        return match;
    }

    private static ApiProblem notAllowed(String method, String allow) {
        String shown = method.length() > 16 ? method.substring(0, 16) : method;
        return new ApiProblem(
                Problem.of(
                        Problems.METHOD_NOT_ALLOWED,
                        "This path does not accept " + shown + "; it accepts " + allow + "."),
                Map.of("Allow", allow));
    }
}
