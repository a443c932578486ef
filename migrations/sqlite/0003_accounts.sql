-- Accounts and the life of the platform: sessions, one-time email tokens, connections
-- between experts and organisations, pledges to village projects, reports after missions,
-- content reports, the moderators' audit log, and API tokens.

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset', 'change_email')),
    new_email TEXT,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE TABLE connections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    expert_id BIGINT NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    opportunity_kind TEXT NOT NULL CHECK (opportunity_kind IN ('mission', 'project')),
    opportunity_ref TEXT NOT NULL,
    initiated_by TEXT NOT NULL CHECK (initiated_by IN ('expert', 'organisation')),
    message TEXT,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
    completed BIGINT NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
    created_at BIGINT NOT NULL,
    answered_at BIGINT,
    UNIQUE (expert_id, opportunity_kind, opportunity_ref, initiated_by)
);
CREATE INDEX connections_organisation ON connections (organisation_id);

CREATE TABLE pledges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    amount_cents BIGINT NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),
    skills TEXT,
    message TEXT,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'declined')),
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT
);
CREATE INDEX pledges_project ON pledges (project_id);

CREATE TABLE mission_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    connection_id BIGINT NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    author_side TEXT NOT NULL CHECK (author_side IN ('expert', 'organisation')),
    summary TEXT NOT NULL,
    how_it_went TEXT,
    people_trained BIGINT NOT NULL DEFAULT 0,
    courses_delivered BIGINT NOT NULL DEFAULT 0,
    theses_supervised BIGINT NOT NULL DEFAULT 0,
    milestones_reached BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    UNIQUE (connection_id, author_side)
);

CREATE TABLE content_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL CHECK (entity IN ('expert', 'mission', 'project', 'organisation')),
    ref TEXT NOT NULL,
    reason TEXT NOT NULL,
    reporter_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    created_at BIGINT NOT NULL
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    moderator_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT,
    at BIGINT NOT NULL
);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    scope TEXT NOT NULL CHECK (scope IN ('read', 'write')),
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);
