-- transcription-service's view of meetings (fed by cognita.meeting): who may join a live transcription and read a
-- meeting's transcripts
CREATE TABLE meeting_view (
    meeting_id   uuid PRIMARY KEY,
    workspace_id uuid NOT NULL,
    org_id       uuid NOT NULL,
    host_user_id text,
    status       text NOT NULL CHECK (status IN ('live', 'ended')),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_view_workspace_idx ON meeting_view (workspace_id);
CREATE INDEX meeting_view_org_idx ON meeting_view (org_id);
CREATE TABLE meeting_participant_view (
    meeting_id uuid NOT NULL REFERENCES meeting_view (meeting_id) ON DELETE CASCADE,
    user_id    text NOT NULL,
    PRIMARY KEY (meeting_id, user_id)
);

CREATE TABLE transcripts (
    id             uuid PRIMARY KEY,
    meeting_id     uuid NOT NULL,
    workspace_id   uuid NOT NULL,
    org_id         uuid NOT NULL,
    source         text NOT NULL CHECK (source IN ('live', 'recording')),
    recording_id   uuid UNIQUE,
    language       text NOT NULL,
    status         text NOT NULL CHECK (status IN ('live', 'pending', 'processing', 'completed', 'failed')),
    failure_reason text,
    duration_ms    bigint NOT NULL DEFAULT 0,
    last_seq       bigint NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    completed_at   timestamptz
);
-- one live transcript per meeting; a recording's transcript per recording
CREATE UNIQUE INDEX transcripts_live_idx ON transcripts (meeting_id) WHERE source = 'live';
CREATE INDEX transcripts_meeting_idx ON transcripts (meeting_id, created_at DESC, id);
CREATE INDEX transcripts_org_idx ON transcripts (org_id, created_at);

-- final segments, gap-free seq per transcript (taken from transcripts.last_seq in the segment's transaction)
CREATE TABLE segments (
    transcript_id   uuid NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
    seq             bigint NOT NULL,
    segment_id      uuid NOT NULL,
    speaker_user_id text,
    speaker_label   text,
    start_ms        bigint NOT NULL,
    end_ms          bigint NOT NULL,
    text            text NOT NULL,
    confidence      double precision,
    language        text NOT NULL,
    search_config   regconfig NOT NULL,
    search          tsvector NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (transcript_id, seq),
    UNIQUE (segment_id)
);
CREATE INDEX segments_search_idx ON segments USING gin (search);
CREATE INDEX segments_speaker_idx ON segments (transcript_id, speaker_user_id, seq);

-- recorded transcription: one job per uploaded recording, claimed with SKIP LOCKED, retried with backoff
CREATE TABLE transcription_jobs (
    recording_id    uuid PRIMARY KEY,
    transcript_id   uuid NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
    read_path       text NOT NULL,
    content_type    text NOT NULL,
    size_bytes      bigint NOT NULL,
    sha256          text,
    attempts        int NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    claimed_until   timestamptz,
    last_error      text,
    done            boolean NOT NULL DEFAULT false
);
CREATE INDEX transcription_jobs_due_idx ON transcription_jobs (next_attempt_at) WHERE NOT done;

CREATE TABLE translations (
    id              uuid PRIMARY KEY,
    transcript_id   uuid NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
    target_language text NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'completed', 'failed')),
    failure_reason  text,
    requested_by    text NOT NULL,
    attempts        int NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    claimed_until   timestamptz,
    created_at      timestamptz NOT NULL,
    completed_at    timestamptz
);
CREATE INDEX translations_due_idx ON translations (next_attempt_at) WHERE status = 'pending';
CREATE TABLE translation_segments (
    translation_id uuid NOT NULL REFERENCES translations (id) ON DELETE CASCADE,
    seq            bigint NOT NULL,
    text           text NOT NULL,
    PRIMARY KEY (translation_id, seq)
);

-- billable minutes of live speech: one usage.recorded per meeting and speaker stream, written once
CREATE TABLE live_usage (
    stream_id  uuid PRIMARY KEY,
    meeting_id uuid NOT NULL,
    user_id    text NOT NULL,
    audio_ms   bigint NOT NULL,
    created_at timestamptz NOT NULL
);
