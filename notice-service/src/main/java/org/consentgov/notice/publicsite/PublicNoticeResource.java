package org.consentgov.notice.publicsite;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.consentgov.notice.NoticeErrors;
import org.consentgov.notice.api.NoticeMapper;
import org.consentgov.notice.api.NoticeViews.NoticeSummaryView;
import org.consentgov.notice.api.NoticeViews.NoticeVersionView;
import org.consentgov.notice.domain.PublishedNotices;
import org.consentgov.notice.domain.VersionDetails;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The published notices, for the public, without a token: an accessible, printable HTML page with a
 * language switch and a child-friendly view, or JSON with DPV terms when asked for with
 * {@code Accept: application/json}.
 */
@Path("/public/notices")
@Tag(name = "Public notices", description = "Published privacy notices, unauthenticated")
public class PublicNoticeResource {

    static final String LD_JSON = "application/ld+json";
    private static final MediaType LD_JSON_TYPE = MediaType.valueOf(LD_JSON);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notice(NoticePage page);

        static native TemplateInstance index(List<NoticeSummaryView> notices);
    }

    private final PublishedNotices notices;
    private final PublicNoticeMapper mapper;
    private final NoticePageBuilder pages;

    public PublicNoticeResource(PublishedNotices notices, PublicNoticeMapper mapper, NoticePageBuilder pages) {
        this.notices = notices;
        this.mapper = mapper;
        this.pages = pages;
    }

    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "listPublicNotices",
            summary = "List the published notices",
            description = "An HTML index page by default; a JSON array for Accept: application/json.")
    @APIResponse(
            responseCode = "200",
            description = "Each notice that has a published version",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.ARRAY, implementation = NoticeSummaryView.class),
                        examples = @ExampleObject(name = "notices", summary = "One published notice", value = """
                    [{"slug": "what-it-means-to-me", "title": "What It Means to Me", "currentVersion": 1, "latestVersion": 1,
                      "createdAt": "2026-01-05T09:30:00Z"}]""")),
                @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))
            })
    public Response index(HttpHeaders headers) {
        List<NoticeSummaryView> published =
                notices.published().stream().map(NoticeMapper::summary).toList();
        if (wantsJson(headers)) {
            return Response.ok(published, MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(Templates.index(published), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    @GET
    @Path("{slug}")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, LD_JSON})
    @Operation(
            operationId = "getPublicNotice",
            summary = "Read the notice in force",
            description =
                    "HTML by default; JSON with DPV terms for Accept: application/json. With at, the version that was in force at that instant.")
    @APIResponse(
            responseCode = "200",
            description = "The published version",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = PublicNoticeView.class)),
                @Content(mediaType = LD_JSON, schema = @Schema(implementation = PublicNoticeView.Dpv.class)),
                @Content(mediaType = MediaType.TEXT_HTML)
            })
    @APIResponse(responseCode = "400", description = "at is not an ISO-8601 instant")
    @APIResponse(
            responseCode = "404",
            description = "No such notice, none published, or (with at) none in force at that instant")
    public Response current(
            @Parameter(
                            description = "The notice's slug",
                            example = "what-it-means-to-me",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = 80,
                                            pattern = "[a-z0-9]+(-[a-z0-9]+)*"))
                    @PathParam("slug")
                    String slug,
            @Parameter(
                            description = "Language tag, e.g. en or cy; falls back to the notice's default",
                            example = "cy",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = 6,
                                            pattern = "[a-z]{2,3}(-[A-Z]{2})?"))
                    @QueryParam("lang")
                    String lang,
            @Parameter(
                            description = "child for the child-friendly summary (HTML page)",
                            schema = @Schema(type = SchemaType.STRING, enumeration = "child"))
                    @QueryParam("view")
                    String view,
            @Parameter(
                            description =
                                    "An instant (ISO 8601): the version that was in force then instead of the one in force now",
                            example = "2026-03-01T12:00:00Z",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 40))
                    @QueryParam("at")
                    String at,
            @Parameter(
                            description =
                                    "jsonld for the JSON-LD document whatever the Accept header says (the page's machine-readable link, for a browser)",
                            schema = @Schema(type = SchemaType.STRING, enumeration = "jsonld"))
                    @QueryParam("format")
                    String format,
            HttpHeaders headers) {
        boolean linkedData = linkedDataAsked(format);
        VersionDetails version = at == null ? notices.current(slug) : notices.inForceAt(slug, instant(at));
        return render(NoticeMapper.version(version), lang, view, linkedData, headers);
    }

    @GET
    @Path("{slug}/versions/{number}")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, LD_JSON})
    @Operation(
            operationId = "getPublicNoticeVersion",
            summary = "Read a version that was published",
            description =
                    "Past versions stay readable, so anyone can see what they were told. HTML, JSON or JSON-LD, as for the notice in force.")
    @APIResponse(
            responseCode = "200",
            description = "The version",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = PublicNoticeView.class)),
                @Content(mediaType = LD_JSON, schema = @Schema(implementation = PublicNoticeView.Dpv.class)),
                @Content(mediaType = MediaType.TEXT_HTML)
            })
    @APIResponse(responseCode = "404", description = "No such notice, or that version was never published")
    public Response version(
            @Parameter(
                            description = "The notice's slug",
                            example = "what-it-means-to-me",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = 80,
                                            pattern = "[a-z0-9]+(-[a-z0-9]+)*"))
                    @PathParam("slug")
                    String slug,
            @Parameter(
                            description = "Version number, from 1",
                            example = "1",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    @PathParam("number")
                    int number,
            @Parameter(
                            description = "Language tag, e.g. en or cy; falls back to the notice's default",
                            example = "cy",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = 6,
                                            pattern = "[a-z]{2,3}(-[A-Z]{2})?"))
                    @QueryParam("lang")
                    String lang,
            @Parameter(
                            description = "child for the child-friendly summary (HTML page)",
                            schema = @Schema(type = SchemaType.STRING, enumeration = "child"))
                    @QueryParam("view")
                    String view,
            @Parameter(
                            description =
                                    "jsonld for the JSON-LD document whatever the Accept header says (the page's machine-readable link, for a browser)",
                            schema = @Schema(type = SchemaType.STRING, enumeration = "jsonld"))
                    @QueryParam("format")
                    String format,
            HttpHeaders headers) {
        boolean linkedData = linkedDataAsked(format);
        return render(NoticeMapper.version(notices.version(slug, number)), lang, view, linkedData, headers);
    }

    private Response render(
            NoticeVersionView version, String lang, String view, boolean linkedData, HttpHeaders headers) {
        PublicNoticeView notice = mapper.view(version, lang);
        MediaType wanted = linkedData ? LD_JSON_TYPE : preferred(headers);
        if (wanted == LD_JSON_TYPE) {
            return Response.ok(notice.dpv(), LD_JSON_TYPE).build();
        }
        if (wanted == MediaType.APPLICATION_JSON_TYPE) {
            return Response.ok(notice, MediaType.APPLICATION_JSON).build();
        }
        NoticePage page = pages.build(
                notice,
                "child".equals(view),
                notices.versions(version.slug()).stream()
                        .map(NoticeMapper::versionSummary)
                        .toList());
        return Response.ok(
                        Templates.notice(page).setLocale(Locale.forLanguageTag(notice.locale())),
                        MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CONTENT_LANGUAGE, notice.locale())
                .header("Link", "<" + page.linkedDataLink() + ">; rel=\"alternate\"; type=\"" + LD_JSON + "\"")
                .build();
    }

    /** format=jsonld asks for the JSON-LD document; any other value is refused with a 400 naming the parameter. */
    private static boolean linkedDataAsked(String format) {
        if (format == null) {
            return false;
        }
        if (!"jsonld".equals(format)) {
            throw NoticeErrors.INVALID_PARAMETER.problem("format must be jsonld, or left out", "format");
        }
        return true;
    }

    /** A query parameter that must be an ISO-8601 instant: 400 naming it otherwise (JAX-RS would answer 404). */
    private static Instant instant(String at) {
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw NoticeErrors.INVALID_PARAMETER.problem(
                    "at must be an ISO-8601 instant such as 2026-03-01T12:00:00Z", "at");
        }
    }

    /** JSON only when the caller prefers it to HTML; browsers and bare requests get the page. */
    private static boolean wantsJson(HttpHeaders headers) {
        return preferred(headers) != MediaType.TEXT_HTML_TYPE;
    }

    /**
     * The first named type in Accept that this resource serves: the page, JSON, or JSON-LD. Wildcards and bare
     * requests get the page, as a browser would.
     */
    private static MediaType preferred(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return MediaType.TEXT_HTML_TYPE;
            }
            if (type.isCompatible(LD_JSON_TYPE)) {
                return LD_JSON_TYPE;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
        }
        return MediaType.TEXT_HTML_TYPE;
    }
}
