output "orchestrator_role" {
  description = "Kubernetes auth role of the orchestrator (Helm value orchestrator.vault.auth.kubernetesRole)."
  value       = vault_kubernetes_auth_backend_role.orchestrator.role_name
}

output "kubernetes_auth_mount" {
  description = "Mount of the Kubernetes auth method (Helm values *.vault.*kubernetesMount)."
  value       = vault_auth_backend.kubernetes.path
}

output "kv_mount" {
  description = "KV v2 mount (Helm values *.vault.kvMount)."
  value       = var.kv_mount
}

output "path_prefix" {
  description = "Folder of Enclave's secrets (Helm values *.vault.pathPrefix)."
  value       = var.path_prefix
}

output "database_mount" {
  description = "Mount of the database secrets engine (Helm value orchestrator.vault.databaseMount)."
  value       = var.database_mount
}

output "database_roles" {
  description = "Database roles projects may be linked to (Helm value orchestrator.vault.databaseRoles)."
  value       = [for role in vault_database_secret_backend_role.warehouse : role.name]
}

output "rotate_root_command" {
  description = "Run it once after the first apply, so that only Vault knows the warehouse admin's password (null without a warehouse)."
  value       = var.warehouse == null ? null : "vault write -f ${var.database_mount}/rotate-root/${var.warehouse.name}"
}
