-- Tokens of the read API (bg.digiclub.collector.api, docs/collector.md "Read API"): BI tools (Excel
-- Power Query, Power BI, Grafana) read the programme report with them. Only the SHA-256 of a token
-- is kept; the token is shown once when it is made. id is the first 12 hex digits of that hash, so a
-- leaked token (recognisable by its "dc_" prefix) names its row. club_id NULL: the municipality's
-- token (every club); else the one club it may read. A revoked token stays listed (revoked_at) so
-- that who made it and when it was last used remain known; last_used_at is written at most once a
-- minute per token. Apart from the device tokens (devices.token_hash): a device token reads no
-- report and an API token uploads nothing.
CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    club_id      TEXT REFERENCES clubs (id),
    created_by   TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    revoked_at   BIGINT,
    last_used_at BIGINT
);
