-- Moderators can reject an organisation (it then leaves the verification queue).
ALTER TABLE organisations ADD COLUMN rejected BIGINT NOT NULL DEFAULT 0 CHECK (rejected IN (0, 1));
