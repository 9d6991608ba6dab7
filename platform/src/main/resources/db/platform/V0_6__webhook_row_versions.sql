-- The ETag of a subscription and of a delivery is its row version: If-Match on DELETE /subscriptions/{id} and
-- on redeliver names it. Every update of either row moves it on, whoever makes it (the API, the dispatcher's
-- claims and attempts), so a client's If-Match is stale as soon as what it read has changed.
ALTER TABLE webhook_delivery ADD COLUMN row_version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION webhook_row_version_next() RETURNS trigger AS $$
BEGIN
    NEW.row_version := OLD.row_version + 1;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER webhook_subscription_row_version BEFORE UPDATE ON webhook_subscription
    FOR EACH ROW EXECUTE FUNCTION webhook_row_version_next();
CREATE TRIGGER webhook_delivery_row_version BEFORE UPDATE ON webhook_delivery
    FOR EACH ROW EXECUTE FUNCTION webhook_row_version_next();
