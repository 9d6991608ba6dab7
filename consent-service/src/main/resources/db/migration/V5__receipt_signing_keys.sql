-- Receipt signing keys (README, Receipts). Every key the service ever signed with stays here, so that its public
-- half stays in the JWKS and every receipt verifies for as long as the record exists (DESIGN §11). The private half
-- is sealed with AES-256-GCM under the key-encryption key from configuration (consent.receipts.kek): a random
-- 96-bit nonce per key, the kid as associated data. kek_id is a one-way name of that KEK, never the KEK.
CREATE TABLE receipt_signing_key (
    kid                     varchar(100) PRIMARY KEY,
    algorithm               varchar(10)  NOT NULL,
    public_jwk              text         NOT NULL,
    private_key_ciphertext  bytea        NOT NULL,
    private_key_nonce       bytea        NOT NULL CHECK (octet_length(private_key_nonce) = 12),
    kek_id                  varchar(32)  NOT NULL,
    origin                  varchar(20)  NOT NULL CHECK (origin IN ('GENERATED', 'IMPORTED')),
    created_at              timestamptz  NOT NULL,
    activated_at            timestamptz,
    retired_at              timestamptz,
    created_by              varchar(255) NOT NULL,
    CHECK (retired_at IS NULL OR activated_at IS NULL OR retired_at >= activated_at)
);

-- Exactly one key signs: the one activated and not retired. Two replicas starting together, or two rotations at
-- once, cannot both make one active (the second insert fails; the service also serialises on an advisory lock).
CREATE UNIQUE INDEX receipt_signing_key_one_active ON receipt_signing_key ((true))
    WHERE activated_at IS NOT NULL AND retired_at IS NULL;

-- Keys are never deleted: a receipt signed with one must verify forever.
CREATE FUNCTION receipt_signing_key_keep() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'receipt signing keys are never deleted (receipts signed with them must keep verifying)';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER receipt_signing_key_no_delete BEFORE DELETE ON receipt_signing_key
    FOR EACH ROW EXECUTE FUNCTION receipt_signing_key_keep();
