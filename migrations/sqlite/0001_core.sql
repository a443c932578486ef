-- Core records: organisations, user accounts, experts, missions, village projects, and
-- the change log that the search index and notifications follow.
-- Portable types only (see README, "Storage"): BIGINT ids, TEXT, BIGINT unix seconds,
-- ISO dates as TEXT (YYYY-MM-DD), lists as JSON TEXT, money as BIGINT cents,
-- booleans as BIGINT 0/1 (the Any driver cannot decode SQLite BOOLEAN).

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('institution', 'association')),
    name TEXT NOT NULL UNIQUE,
    city TEXT,
    country TEXT,
    description TEXT,
    website TEXT,
    verified BIGINT NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
    created_at BIGINT NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('expert', 'institution_member', 'association_member', 'moderator')),
    organisation_id BIGINT REFERENCES organisations (id),
    lang TEXT NOT NULL DEFAULT 'fr',
    email_verified BIGINT NOT NULL DEFAULT 0 CHECK (email_verified IN (0, 1)),
    notify TEXT NOT NULL DEFAULT 'immediately' CHECK (notify IN ('immediately', 'weekly', 'never')),
    created_at BIGINT NOT NULL
);

CREATE TABLE experts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ref TEXT NOT NULL UNIQUE,
    user_id BIGINT REFERENCES users (id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT,
    headline TEXT NOT NULL,
    bio TEXT,
    skills TEXT NOT NULL,
    disciplines TEXT NOT NULL,
    languages TEXT NOT NULL,
    residence_country TEXT NOT NULL,
    residence_city TEXT,
    home_region TEXT,
    home_commune TEXT,
    degree TEXT,
    availability TEXT NOT NULL,
    modes TEXT NOT NULL,
    offers TEXT NOT NULL,
    hidden BIGINT NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX experts_home_region ON experts (home_region);
CREATE INDEX experts_user ON experts (user_id);

CREATE TABLE missions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ref TEXT NOT NULL UNIQUE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    skills TEXT NOT NULL,
    discipline TEXT,
    level TEXT,
    language TEXT NOT NULL,
    region TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('onsite', 'remote')),
    status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published', 'filled', 'closed')),
    hidden BIGINT NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX missions_organisation ON missions (organisation_id);

CREATE TABLE projects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ref TEXT NOT NULL UNIQUE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    sector TEXT NOT NULL,
    skills TEXT NOT NULL,
    region TEXT NOT NULL,
    commune TEXT,
    language TEXT,
    budget_cents BIGINT,
    funding_sought_cents BIGINT,
    start_date TEXT,
    end_date TEXT,
    status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published', 'filled', 'closed')),
    hidden BIGINT NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX projects_organisation ON projects (organisation_id);

CREATE TABLE change_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL CHECK (entity IN ('expert', 'mission', 'project')),
    ref TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('insert', 'update', 'delete')),
    at BIGINT NOT NULL
);
