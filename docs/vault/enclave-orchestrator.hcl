# Vault policy of the Enclave orchestrator (least privilege), for the defaults:
#   enclave.vault.kv-mount=secret, enclave.vault.path-prefix=enclave, enclave.vault.database.mount=database,
#   database roles named enclave-* (list them in enclave.vault.database.roles).
# With other values, replace "secret", "enclave" and "database" below. Load with:
#   vault policy write enclave-orchestrator docs/vault/enclave-orchestrator.hcl

# KV v2, the secrets themselves: write a new version, read the latest. No "delete" here: versions are never
# soft-deleted one by one, a path is destroyed whole through its metadata (below).
path "secret/data/enclave/*" {
  capabilities = ["create", "update", "read"]
}

# KV v2 metadata: list a project's paths (LIST), destroy a path with all its versions (DELETE).
path "secret/metadata/enclave/*" {
  capabilities = ["list", "delete"]
}

# Dynamic database credentials, for Enclave's roles only.
path "database/creds/enclave-*" {
  capabilities = ["read"]
}

# Renew and revoke those leases, named in the path, so that no other lease can be touched.
path "sys/leases/renew/database/creds/enclave-*" {
  capabilities = ["update"]
}
path "sys/leases/revoke/database/creds/enclave-*" {
  capabilities = ["update"]
}

# The orchestrator's own token: learn its TTL, renew it before it expires.
path "auth/token/lookup-self" {
  capabilities = ["read"]
}
path "auth/token/renew-self" {
  capabilities = ["update"]
}
