-- Failed sign-in attempts, kept in the database so that every node shares them: per account
-- (a growing delay after a few failures) and per client address (a cap). Successes are not
-- recorded; a success or a password reset clears the account's failures.
CREATE TABLE login_failures (
    scope TEXT NOT NULL CHECK (scope IN ('account', 'address')),
    key TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (scope, key, at);
