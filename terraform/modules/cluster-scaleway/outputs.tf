output "kubeconfig" {
  description = "Kubeconfig of the cluster's admin token. Secret: keep it out of logs; Terraform state holds it too."
  value       = scaleway_k8s_cluster.this.kubeconfig[0].config_file
  sensitive   = true
}

output "kubernetes_host" {
  description = "URL of the cluster's API server."
  value       = scaleway_k8s_cluster.this.kubeconfig[0].host
  sensitive   = true
}

output "cluster_ca_certificate" {
  description = "PEM certificate of the cluster's CA (base64), for providers and for Vault's Kubernetes auth."
  value       = scaleway_k8s_cluster.this.kubeconfig[0].cluster_ca_certificate
  sensitive   = true
}

output "token" {
  description = "Admin token, for the helm and kubernetes providers."
  value       = scaleway_k8s_cluster.this.kubeconfig[0].token
  sensitive   = true
}

output "cluster_id" {
  description = "ID of the Kapsule cluster."
  value       = scaleway_k8s_cluster.this.id
}

output "nodes_cidr" {
  description = "IPv4 range of the nodes' private network."
  value       = var.network_cidr
}

output "gpu_node_selector" {
  description = "Node labels of the GPU pool (empty without one), for GPU workspace templates."
  value       = var.gpu_pool == null ? {} : { "enclave.eu/pool" = "gpu" }
}
