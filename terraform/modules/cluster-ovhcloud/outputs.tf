output "kubeconfig" {
  description = "Kubeconfig of the cluster's admin user. Secret: keep it out of logs; Terraform state holds it too."
  value       = ovh_cloud_project_kube.this.kubeconfig
  sensitive   = true
}

output "kubernetes_host" {
  description = "URL of the cluster's API server."
  value       = ovh_cloud_project_kube.this.kubeconfig_attributes[0].host
  sensitive   = true
}

output "cluster_ca_certificate" {
  description = "PEM certificate of the cluster's CA (base64), for providers and for Vault's Kubernetes auth."
  value       = ovh_cloud_project_kube.this.kubeconfig_attributes[0].cluster_ca_certificate
  sensitive   = true
}

output "client_certificate" {
  description = "Admin client certificate (base64), for the helm and kubernetes providers."
  value       = ovh_cloud_project_kube.this.kubeconfig_attributes[0].client_certificate
  sensitive   = true
}

output "client_key" {
  description = "Admin client key (base64), for the helm and kubernetes providers."
  value       = ovh_cloud_project_kube.this.kubeconfig_attributes[0].client_key
  sensitive   = true
}

output "cluster_id" {
  description = "ID of the managed cluster."
  value       = ovh_cloud_project_kube.this.id
}

output "nodes_cidr" {
  description = "IPv4 range of the nodes' private subnet."
  value       = var.network_cidr
}

output "gpu_node_selector" {
  description = "Node labels of the GPU pool (empty without one), for GPU workspace templates."
  value       = var.gpu_pool == null ? {} : { "enclave.eu/pool" = "gpu" }
}
