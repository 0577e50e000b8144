package io.cognita.transcription.rest;

import io.cognita.platform.api.ApiResponse;
import io.cognita.platform.api.PageMeta;
import io.cognita.platform.paging.PageRequest;
import io.cognita.platform.problem.ProblemException;
import io.cognita.platform.request.Ids;
import io.cognita.platform.validation.LanguageTag;
import io.cognita.transcription.domain.SegmentQuery;
import io.cognita.transcription.service.SegmentView;
import io.cognita.transcription.service.TranscriptService;
import io.cognita.transcription.service.TranscriptView;
import io.cognita.transcription.service.TranslationView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transcription")
public class TranscriptResource {

    /** The body of POST …/translations. */
    @Schema(name = "TranslationRequest")
    public record TranslationRequest(@NotNull @LanguageTag @Schema(example = "es") String targetLanguage) {
    }

    @Schema(name = "TranscriptEnvelope")
    record TranscriptEnvelope(String status, String message, TranscriptView data) {
    }

    @Schema(name = "TranslationEnvelope")
    record TranslationEnvelope(String status, String message, TranslationView data) {
    }

    @Schema(name = "SegmentPage")
    record SegmentPage(String status, String message, List<SegmentView> data, PageMeta meta) {
    }

    @Schema(name = "TranscriptPage")
    record TranscriptPage(String status, String message, List<TranscriptView> data, PageMeta meta) {
    }

    private final TranscriptService transcripts;

    public TranscriptResource(TranscriptService transcripts) {
        this.transcripts = transcripts;
    }

    @GET
    @Path("/transcripts/{transcriptId}")
    @Operation(summary = "get transcript", description = "Whoever sees the meeting's workspace, and its participants while "
            + "members of it (transcript:read): meeting, language, status (live, pending, processing, completed, failed with "
            + "failureReason), source (live, recording), duration and segment count.")
    @APIResponse(responseCode = "200", description = "Transcript",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranscriptEnvelope.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN (the token lacks transcript:read)")
    @APIResponse(responseCode = "404", description = "TRANSCRIPT_NOT_FOUND")
    public ApiResponse<TranscriptView> get(@PathParam("transcriptId") String transcriptId) {
        return ApiResponse.ok("Transcript", transcripts.get(Ids.uuid("transcriptId", transcriptId)));
    }

    @GET
    @Path("/transcripts/{transcriptId}/segments")
    @Produces({MediaType.APPLICATION_JSON, "text/vtt", "application/x-subrip"})
    @Operation(summary = "list transcript segments", description = "Final segments in seq order, cursor paged; filters "
            + "speaker (user id), fromMs/toMs (segments overlapping the range) and q (full text in the transcript's "
            + "language, PostgreSQL websearch syntax: then ranked, best first, with a highlight). format=vtt or srt "
            + "answers the whole transcript, filtered by speaker and time, as WebVTT or SubRip instead (q is refused with it).")
    @APIResponse(responseCode = "200", description = "Segments (JSON), or subtitles (format)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SegmentPage.class)),
            @Content(mediaType = "text/vtt", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/x-subrip", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (also q with format=vtt|srt), INVALID_CURSOR")
    @APIResponse(responseCode = "403", description = "FORBIDDEN (the token lacks transcript:read)")
    @APIResponse(responseCode = "404", description = "TRANSCRIPT_NOT_FOUND")
    public Response segments(@PathParam("transcriptId") String transcriptId,
                             @QueryParam("speaker") String speaker, @QueryParam("q") String q,
                             @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) @QueryParam("fromMs") String fromMs,
                             @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) @QueryParam("toMs") String toMs,
                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                             @Parameter(schema = @Schema(enumeration = {"json", "vtt", "srt"})) @QueryParam("format") String format) {
        var id = Ids.uuid("transcriptId", transcriptId);
        Long from = millis("fromMs", fromMs);
        Long to = millis("toMs", toMs);
        if (from != null && to != null && from > to) {
            throw ProblemException.invalidField("fromMs", "must not be after toMs");
        }
        if (speaker != null && (speaker.isBlank() || speaker.length() > 200)) {
            throw ProblemException.invalidField("speaker", "must be a user id (1 to 200 characters)");
        }
        if (q != null && (q.isBlank() || q.length() > 200 || q.indexOf('\0') >= 0)) {
            throw ProblemException.invalidField("q", "must be 1 to 200 characters of text");
        }
        var filter = new SegmentQuery(speaker, from, to, q);
        if (format != null && !format.equals("json")) {
            if (!format.equals("vtt") && !format.equals("srt")) {
                throw ProblemException.invalidField("format", "must be json, vtt or srt");
            }
            if (q != null) {
                throw ProblemException.invalidField("q", "cannot be combined with format: subtitles are the transcript in time order "
                        + "(speaker, fromMs and toMs apply)");
            }
            String body = transcripts.export(id, filter, format);
            return Response.ok(body, format.equals("vtt") ? "text/vtt; charset=utf-8" : "application/x-subrip; charset=utf-8").build();
        }
        var page = transcripts.segments(id, filter, PageRequest.of(limit, cursor, TranscriptService.cursorParts()));
        return Response.ok(ApiResponse.page("Segments", page), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/transcripts/{transcriptId}/translations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "translate transcript", description = "A member of the meeting's workspace (transcript:write): "
            + "targetLanguage (BCP-47) of a completed transcript → 202 and a translation that completes asynchronously (translation.completed); "
            + "422 LANGUAGE_PAIR_UNSUPPORTED lists the languages the engine translates into from the transcript's. Asked again "
            + "for a language already pending or completed, the answer is that translation.")
    @APIResponse(responseCode = "202", description = "Translation accepted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationEnvelope.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN, ORG_SUSPENDED, TRANSLATION_NOT_ALLOWED (the org's translationEnabled "
            + "setting is off, or its plan's translationLanguages lack the language)")
    @APIResponse(responseCode = "404", description = "TRANSCRIPT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "TRANSCRIPT_NOT_COMPLETED (a live transcript until its meeting ends, a recording's "
            + "until it is transcribed)")
    @APIResponse(responseCode = "422", description = "LANGUAGE_PAIR_UNSUPPORTED")
    @APIResponse(responseCode = "503", description = "ENGINE_UNAVAILABLE (the translation engine cannot say which languages it has)")
    public Response translate(@PathParam("transcriptId") String transcriptId, @NotNull @Valid TranslationRequest body) {
        TranslationView created = transcripts.requestTranslation(Ids.uuid("transcriptId", transcriptId), body.targetLanguage());
        return Response.status(202).entity(ApiResponse.ok("Translation accepted", created)).build();
    }

    @GET
    @Path("/transcripts/{transcriptId}/translations/{translationId}")
    @Operation(summary = "get translation", description = "Whoever reads the transcript: state and, once completed, the "
            + "translated segments with their times.")
    @APIResponse(responseCode = "200", description = "Translation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationEnvelope.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN (the token lacks transcript:read)")
    @APIResponse(responseCode = "404", description = "TRANSCRIPT_NOT_FOUND, TRANSLATION_NOT_FOUND")
    public ApiResponse<TranslationView> translation(@PathParam("transcriptId") String transcriptId,
                                                    @PathParam("translationId") String translationId) {
        return ApiResponse.ok("Translation", transcripts.translation(Ids.uuid("transcriptId", transcriptId),
                Ids.uuid("translationId", translationId)));
    }

    @GET
    @Path("/meetings/{meetingId}/transcripts")
    @Operation(summary = "list meeting transcripts", description = "Whoever sees the meeting (transcript:read): its live "
            + "transcript and its recordings' transcripts, newest first, cursor paged.")
    @APIResponse(responseCode = "200", description = "Transcripts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranscriptPage.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, INVALID_CURSOR")
    @APIResponse(responseCode = "403", description = "FORBIDDEN (the token lacks transcript:read)")
    @APIResponse(responseCode = "404", description = "MEETING_NOT_FOUND")
    public ApiResponse<List<TranscriptView>> ofMeeting(@PathParam("meetingId") String meetingId, @QueryParam("limit") String limit,
                                                       @QueryParam("cursor") String cursor) {
        return ApiResponse.page("Transcripts", transcripts.ofMeeting(Ids.uuid("meetingId", meetingId), PageRequest.of(limit, cursor, 2)));
    }

    private static Long millis(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.invalidField(field, "must be a whole number of milliseconds ≥ 0");
    }
}
