-- Webhook secrets sealed under the service's key-encryption key (platform.kek), with room for a rotation.
--
-- One row per secret of a subscription: generation 1 is the secret it was created with, each rotation adds the
-- next. A delivery is signed with every secret whose retires_at is unset or still ahead (the newest and, during a
-- rotation's overlap, the ones before it). The value is AES-256-GCM ciphertext under the KEK whose one-way id is
-- kek_id, with "webhook-secret:<subscription id>:<generation>" as associated data, so a sealed secret copied onto
-- another row does not open. SQL cannot encrypt (the KEK is not in the database): the plaintext secrets of
-- subscriptions made before this migration stay in webhook_subscription.secret until the service's first start
-- with this version seals them here and sets that column to NULL (SubscriptionSecrets, under an advisory lock).
CREATE TABLE webhook_secret (
    subscription_id uuid         NOT NULL REFERENCES webhook_subscription (id),
    generation      integer      NOT NULL CHECK (generation > 0),
    kek_id          varchar(16)  NOT NULL,
    nonce           bytea        NOT NULL,
    sealed          bytea        NOT NULL,
    created_by      varchar(255) NOT NULL,
    created_at      timestamptz  NOT NULL,
    retires_at      timestamptz,
    PRIMARY KEY (subscription_id, generation)
);

-- the plaintext column is only ever emptied from now on: new subscriptions never write it
ALTER TABLE webhook_subscription ALTER COLUMN secret DROP NOT NULL;
COMMENT ON COLUMN webhook_subscription.secret IS
    'Legacy plaintext secret of a subscription made before V0_4; sealed into webhook_secret and set to NULL at start-up';
