variable "project_id" {
  description = "ID of the Scaleway project."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", var.project_id))
    error_message = "project_id must be a Scaleway project UUID."
  }
}

variable "region" {
  description = "Scaleway region of the cluster (one whose offer carries the certification your data needs)."
  type        = string
  default     = "fr-par"

  validation {
    condition     = contains(["fr-par", "nl-ams", "pl-waw"], var.region)
    error_message = "region must be fr-par, nl-ams or pl-waw."
  }
}

variable "zones" {
  description = "Zones the general pool spreads over."
  type        = list(string)
  default     = ["fr-par-1", "fr-par-2"]

  validation {
    condition     = length(var.zones) >= 1
    error_message = "zones must list at least one zone."
  }
}

variable "node_pool" {
  description = "The general pool, in each zone: node type and autoscaling bounds."
  type = object({
    node_type = string
    min_size  = number
    max_size  = number
  })
  default = {
    node_type = "PRO2-M"
    min_size  = 2
    max_size  = 6
  }

  validation {
    condition     = var.node_pool.min_size >= 1
    error_message = "node_pool needs at least 1 node per zone."
  }
}

variable "gpu_pool" {
  description = "The optional GPU pool (null: none), e.g. node type L4-1-24G."
  type = object({
    node_type = string
    min_size  = number
    max_size  = number
  })
  default = null

  validation {
    condition     = var.gpu_pool == null || try(var.gpu_pool.max_size >= 1, false)
    error_message = "gpu_pool needs max_size >= 1."
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
