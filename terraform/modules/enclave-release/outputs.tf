output "namespace" {
  description = "Namespace of the release."
  value       = helm_release.enclave.namespace
}

output "portal_url" {
  description = "Address of the orchestrator's portal."
  value       = "https://${var.hosts.orchestrator}/"
}

output "egress_review_url" {
  description = "Address of egress-review's portal."
  value       = "https://${var.hosts.egress_review}/"
}

output "chart_version" {
  description = "Version of the chart installed."
  value       = helm_release.enclave.metadata.version
}

output "vault_token_reviewer_jwt" {
  description = "Token Vault's Kubernetes auth reviews tokens with (vault-enclave's token_reviewer_jwt), or null."
  value       = var.vault_token_reviewer ? kubernetes_secret_v1.vault_reviewer[0].data["token"] : null
  sensitive   = true
}
