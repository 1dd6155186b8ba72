# Vault policy of Enclave's egress-review (least privilege), for the defaults:
#   enclave.vault.kv-mount=secret, enclave.vault.path-prefix=enclave.
# Egress-review only reads what an operator put under <prefix>/egress-review/ (the release signing key, S3 or SMTP
# credentials, when kept in Vault rather than in Kubernetes Secrets); it writes nothing. Load with:
#   vault policy write enclave-egress-review docs/vault/enclave-egress-review.hcl

path "secret/data/enclave/egress-review/*" {
  capabilities = ["read"]
}

# Its own token: learn its TTL, renew it before it expires.
path "auth/token/lookup-self" {
  capabilities = ["read"]
}
path "auth/token/renew-self" {
  capabilities = ["update"]
}
