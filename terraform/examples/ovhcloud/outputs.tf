output "kubeconfig" {
  description = "The cluster's admin kubeconfig (terraform output -raw kubeconfig > kubeconfig; keep it secret)."
  value       = module.cluster.kubeconfig
  sensitive   = true
}

output "portal_url" {
  description = "Address of the orchestrator's portal."
  value       = module.release.portal_url
}

output "egress_review_url" {
  description = "Address of egress-review's portal."
  value       = module.release.egress_review_url
}

output "rotate_root_command" {
  description = "Run it once after the first apply, so that only Vault knows the warehouse admin's password."
  value       = module.vault.rotate_root_command
}

output "gpu_node_selector" {
  description = "Node labels of the GPU pool, for GPU workspace templates."
  value       = module.cluster.gpu_node_selector
}
