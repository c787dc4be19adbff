-- Enrolments answered in the last days, so that a retried enrolment whose answer was lost gets the
-- same device and token instead of a second device ("a ghost PC 3"). The agent's request key (a
-- 256-bit secret it generates once and keeps until it has its answer) is stored only as a hash;
-- the token only encrypted under a key derived from the request key (TokenSeal). Rows older than
-- the repeat window are deleted at the next enrolment; a re-enrolment or revocation of the device
-- deletes its rows, so an old request can never bring back an old token.
CREATE TABLE enrolment_requests (
    key_hash     TEXT PRIMARY KEY,
    device_id    TEXT NOT NULL REFERENCES devices (id),
    club_id      TEXT NOT NULL REFERENCES clubs (id),
    code_hash    TEXT NOT NULL,
    sealed_token TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX enrolment_requests_by_device ON enrolment_requests (device_id);
