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
  description = "The release's settings, as the enclave-release module takes them (see its README): image_registry, image_pull_secrets, image_digests, hosts, cluster_issuer, oidc, database_urls, egress_store, smtp, storage_classes, network, trust_ca_bundle."
  type = object({
    image_registry     = string
    image_pull_secrets = list(string)
    image_digests      = map(string)
    hosts              = object({ orchestrator = string, egress_review = string })
    cluster_issuer     = string
    oidc               = object({ issuer_uri = string, roles_claim = string, accepted_acr = list(string) })
    database_urls      = object({ orchestrator = string, egress_review = string })
    egress_store       = object({ endpoint = string, bucket = string, region = string, path_style = bool })
    smtp               = object({ host = string, port = number, username = string, from = string })
    storage_classes    = object({ rwx = string, rwo = string })
    network = object({
      kubernetes_api    = list(string)
      postgresql        = list(string)
      vault             = list(string)
      identity_provider = list(string)
      smtp              = list(string)
      s3                = list(string)
    })
    trust_ca_bundle = string
  })

  validation {
    condition     = length(var.platform.network.kubernetes_api) > 0 && length(var.platform.network.postgresql) > 0
    error_message = "platform.network must name at least the Kubernetes API and PostgreSQL addresses."
  }
}

variable "warehouse" {
  description = "The data warehouse whose credentials workspaces lease, as vault-enclave takes it (null: none)."
  type = object({
    name           = string
    connection_url = string
    username       = string
    roles = map(object({
      creation_statements   = list(string)
      revocation_statements = list(string)
      default_ttl           = number
      max_ttl               = number
    }))
  })
  default = null

  validation {
    condition     = var.warehouse == null || try(length(var.warehouse.roles) > 0, false)
    error_message = "warehouse needs at least one role."
  }
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
