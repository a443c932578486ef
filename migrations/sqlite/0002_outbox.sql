-- The email outbox: every message is first written here, in the transaction of the event
-- that causes it, then sent by the worker of `serve`. Plus the unsubscribe tokens, the
-- opt-outs, and the lines waiting for a recipient's weekly digest.

CREATE TABLE mail_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dedup_key TEXT NOT NULL UNIQUE,
    to_addr TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    unsubscribe_url TEXT,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until BIGINT,
    claimed_by TEXT,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_recipient ON mail_outbox (to_addr, kind, created_at);

CREATE TABLE mail_unsubscribe (
    token TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE mail_optout (
    email TEXT PRIMARY KEY,
    at BIGINT NOT NULL
);

CREATE TABLE mail_digest_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
    line TEXT NOT NULL,
    url TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX mail_digest_items_email ON mail_digest_items (email, created_at);
