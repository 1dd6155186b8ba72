variable "service_name" {
  description = "ID of the OVHcloud Public Cloud project."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{32}$", var.service_name))
    error_message = "service_name must be the project's 32-character hexadecimal ID."
  }
}

variable "region" {
  description = "OVHcloud region of the cluster (one whose offer carries the certification your data needs)."
  type        = string

  validation {
    condition     = can(regex("^[A-Z0-9-]+$", var.region))
    error_message = "region must be an OVHcloud region code such as GRA9 or EU-WEST-PAR."
  }
}

variable "node_pool" {
  description = "The general node pool: flavor and autoscaling bounds."
  type = object({
    flavor    = string
    min_nodes = number
    max_nodes = number
  })
  default = {
    flavor    = "b3-16"
    min_nodes = 3
    max_nodes = 10
  }

  validation {
    condition     = var.node_pool.min_nodes >= 2
    error_message = "node_pool needs at least 2 nodes."
  }
}

variable "gpu_pool" {
  description = "The optional GPU pool (null: none), e.g. flavor l4-90."
  type = object({
    flavor    = string
    min_nodes = number
    max_nodes = number
  })
  default = null

  validation {
    condition     = var.gpu_pool == null || try(var.gpu_pool.max_nodes >= 1, false)
    error_message = "gpu_pool needs max_nodes >= 1."
  }
}

variable "namespace" {
  description = "Namespace of the platform."
  type        = string
  default     = "enclave-system"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a DNS label."
  }
}

variable "vault_address" {
  description = "Vault's address as the pods reach it (also VAULT_ADDR for this run)."
  type        = string

  validation {
    condition     = can(regex("^https://", var.vault_address))
    error_message = "vault_address must be an https URL."
  }
}

variable "platform" {
  description = "The release's settings, as the enclave-release module takes them and validates them (see its README): image_registry, image_pull_secrets, image_digests, hosts, cluster_issuer, oidc, database_urls, egress_store, smtp, storage_classes, network, trust_ca_bundle."
  type        = any

  validation {
    condition     = length(setsubtract(["image_registry", "image_pull_secrets", "image_digests", "hosts", "cluster_issuer", "oidc", "database_urls", "egress_store", "smtp", "storage_classes", "network", "trust_ca_bundle"], keys(var.platform))) == 0
    error_message = "platform must set every setting of the enclave-release module listed in its description."
  }
}

variable "warehouse" {
  description = "The data warehouse whose credentials workspaces lease, as the vault-enclave module takes and validates it (null: none)."
  type        = any
  default     = null
}

variable "warehouse_password" {
  description = "The warehouse admin's password, rotated by Vault right after apply (vault write -f database/rotate-root/<name>)."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = var.warehouse_password == null || try(length(var.warehouse_password) >= 16, false)
    error_message = "warehouse_password must be at least 16 characters."
  }
}
