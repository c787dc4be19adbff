-- The highest sequence stored per device and kind, so that intake refuses a repeated or falling
-- sequence by reading one row (the device's), not by scanning its batches. Usage and health share
-- the agent's counter but are sent in separate rounds (usage in the night window, health every
-- 15 minutes), so only within one kind do they arrive in order.
ALTER TABLE devices ADD COLUMN last_usage_sequence BIGINT NOT NULL DEFAULT 0;
ALTER TABLE devices ADD COLUMN last_health_sequence BIGINT NOT NULL DEFAULT 0;
UPDATE devices SET
    last_usage_sequence = COALESCE((SELECT MAX(b.sequence) FROM batches b
                                    WHERE b.device_id = devices.id AND b.kind = 'USAGE'), 0),
    last_health_sequence = COALESCE((SELECT MAX(b.sequence) FROM batches b
                                     WHERE b.device_id = devices.id AND b.kind = 'HEALTH'), 0);
