-- The request key of an enrolment not yet answered (bg.digiclub.agent.upload.EnrolmentStore):
-- generated once and stored before the first attempt, sent with every retry, so that a retry whose
-- answer was lost gets the same device from the collector, not a second one. A secret like the
-- token (the collector answers it with the token): never logged. Deleted when the answer is stored.
CREATE TABLE enrolment_request (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    request_key TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
