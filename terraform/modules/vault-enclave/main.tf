# Vault (or OpenBao) for Enclave: the KV v2 mount, the orchestrator's least-privilege policy (docs/vault/), the
# Kubernetes auth method with a role for the orchestrator's service account (egress-review reads its secrets from
# mounted Secrets, never from Vault), and the database secrets engine with a connection to the data warehouse and its roles.

locals {
  orchestrator = "enclave-orchestrator"
}

resource "vault_mount" "kv" {
  count = var.create_kv_mount ? 1 : 0

  path        = var.kv_mount
  type        = "kv"
  options     = { version = "2" }
  description = "Enclave's secrets (desktop passwords and the like)"
}

resource "vault_policy" "orchestrator" {
  name = local.orchestrator
  policy = templatefile("${path.module}/policies/enclave-orchestrator.hcl.tftpl", {
    kv_mount       = var.kv_mount
    path_prefix    = var.path_prefix
    database_mount = var.database_mount
  })
}

resource "vault_auth_backend" "kubernetes" {
  type        = "kubernetes"
  path        = var.kubernetes_auth_mount
  description = "Logins of Enclave's service accounts"
}

resource "vault_kubernetes_auth_backend_config" "this" {
  backend            = vault_auth_backend.kubernetes.path
  kubernetes_host    = var.kubernetes_host
  kubernetes_ca_cert = var.kubernetes_ca_cert
  token_reviewer_jwt = var.token_reviewer_jwt
}

resource "vault_kubernetes_auth_backend_role" "orchestrator" {
  backend                          = vault_auth_backend.kubernetes.path
  role_name                        = local.orchestrator
  bound_service_account_names      = [local.orchestrator]
  bound_service_account_namespaces = [var.namespace]
  token_policies                   = [vault_policy.orchestrator.name]
  token_ttl                        = var.token_ttl
  token_max_ttl                    = var.token_max_ttl

  depends_on = [vault_kubernetes_auth_backend_config.this]
}

resource "vault_mount" "database" {
  count = var.warehouse == null ? 0 : 1

  path        = var.database_mount
  type        = "database"
  description = "Dynamic credentials of the data warehouse, leased per workspace"
}

resource "vault_database_secret_backend_connection" "warehouse" {
  count = var.warehouse == null ? 0 : 1

  backend           = vault_mount.database[0].path
  name              = var.warehouse.name
  allowed_roles     = [for key in keys(var.warehouse.roles) : "enclave-${key}"]
  verify_connection = true

  postgresql {
    connection_url = var.warehouse.connection_url
    username       = var.warehouse.username
    password       = var.warehouse_password
  }
}

resource "vault_database_secret_backend_role" "warehouse" {
  for_each = var.warehouse == null ? {} : var.warehouse.roles

  backend               = vault_mount.database[0].path
  name                  = "enclave-${each.key}"
  db_name               = vault_database_secret_backend_connection.warehouse[0].name
  creation_statements   = each.value.creation_statements
  revocation_statements = each.value.revocation_statements
  default_ttl           = each.value.default_ttl
  max_ttl               = each.value.max_ttl
}
