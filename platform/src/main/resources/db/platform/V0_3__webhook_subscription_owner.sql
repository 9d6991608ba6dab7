-- Webhook subscriptions have an owner: the OAuth client (azp) and organisation of the caller that created them.
-- Only the owner and the dpo see, change or redeliver a subscription; anyone else gets 404. system_owned marks a
-- subscription one of the suite's own services created for itself (platform.events.system-clients): nobody but
-- that service may deactivate it, not even the dpo.
-- Rows from before this migration have no owner (NULL): only the dpo sees and manages them (platform/WEBHOOKS.md).
ALTER TABLE webhook_subscription
    ADD COLUMN owner_client varchar(255),
    ADD COLUMN owner_org    varchar(255),
    ADD COLUMN system_owned boolean NOT NULL DEFAULT false;

-- an owner's listing, newest first
CREATE INDEX webhook_subscription_owner ON webhook_subscription (owner_client, owner_org, created_at DESC);
