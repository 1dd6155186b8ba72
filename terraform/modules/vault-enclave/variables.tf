variable "namespace" {
  description = "Kubernetes namespace Enclave runs in (the Helm release's); its service accounts are bound to the Vault roles."
  type        = string
  default     = "enclave-system"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a DNS label."
  }
}

variable "kv_mount" {
  description = "Mount of the KV version 2 engine (the orchestrator's enclave.vault.kv-mount)."
  type        = string
  default     = "secret"

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$", var.kv_mount))
    error_message = "kv_mount must be a Vault mount path without leading or trailing slash."
  }
}

variable "create_kv_mount" {
  description = "Enable the KV version 2 engine at kv_mount (false when it exists already, as on a dev server)."
  type        = bool
  default     = true
}

variable "path_prefix" {
  description = "Folder of the KV mount under which Enclave's secrets live (enclave.vault.path-prefix)."
  type        = string
  default     = "enclave"

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$", var.path_prefix))
    error_message = "path_prefix must be a path without leading or trailing slash."
  }
}

variable "database_mount" {
  description = "Mount of the database secrets engine (enclave.vault.database.mount)."
  type        = string
  default     = "database"

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$", var.database_mount))
    error_message = "database_mount must be a Vault mount path without leading or trailing slash."
  }
}

variable "kubernetes_auth_mount" {
  description = "Where the Kubernetes auth method is mounted (auth/<mount>; enclave.vault.auth.kubernetes.mount)."
  type        = string
  default     = "kubernetes"

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]+$", var.kubernetes_auth_mount))
    error_message = "kubernetes_auth_mount must be a single path segment."
  }
}

variable "kubernetes_host" {
  description = "URL of the cluster's API server, as Vault reaches it (for TokenReview)."
  type        = string

  validation {
    condition     = can(regex("^https://", var.kubernetes_host))
    error_message = "kubernetes_host must be an https URL."
  }
}

variable "kubernetes_ca_cert" {
  description = "PEM certificate of the cluster's CA (not base64-encoded)."
  type        = string

  validation {
    condition     = can(regex("-----BEGIN CERTIFICATE-----", var.kubernetes_ca_cert))
    error_message = "kubernetes_ca_cert must be a PEM certificate."
  }
}

variable "token_reviewer_jwt" {
  description = "Token of a service account allowed to create TokenReviews (system:auth-delegator), which Vault uses to check the services' tokens; null: Vault uses each client's own token, which then needs that right itself (not recommended)."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = var.token_reviewer_jwt == null || can(regex("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", var.token_reviewer_jwt))
    error_message = "token_reviewer_jwt must be a JWT."
  }
}

variable "token_ttl" {
  description = "Lifetime in seconds of the tokens the services get at login (renewed at two thirds)."
  type        = number
  default     = 3600

  validation {
    condition     = var.token_ttl >= 300 && var.token_ttl <= var.token_max_ttl
    error_message = "token_ttl must be at least 300 seconds and at most token_max_ttl."
  }
}

variable "token_max_ttl" {
  description = "Longest lifetime in seconds of a token before the services log in again."
  type        = number
  default     = 86400

  validation {
    condition     = var.token_max_ttl >= 300 && var.token_max_ttl <= 2764800
    error_message = "token_max_ttl must be from 300 seconds to 32 days."
  }
}

variable "warehouse" {
  description = "The data warehouse whose credentials workspaces lease (null: no database engine). connection_url uses Vault's {{username}} and {{password}} placeholders; each role becomes enclave-<key>, with its SQL."
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
    condition     = var.warehouse == null || try(can(regex("^postgres(ql)?://.*\\{\\{username\\}\\}.*\\{\\{password\\}\\}", var.warehouse.connection_url)) && length(var.warehouse.roles) > 0 && alltrue([for k, r in var.warehouse.roles : can(regex("^[a-z0-9-]+$", k)) && length(r.creation_statements) > 0 && r.default_ttl <= r.max_ttl]), false)
    error_message = "warehouse needs a postgresql:// connection_url with {{username}} and {{password}}, at least one role named in lowercase, each with creation statements and default_ttl <= max_ttl."
  }
}

variable "warehouse_password" {
  description = "Password of the warehouse's admin user at creation. Rotate it with vault write -f <database_mount>/rotate-root/<name> right after apply: Terraform state holds this value."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = var.warehouse_password == null || try(length(var.warehouse_password) >= 16, false)
    error_message = "warehouse_password must be at least 16 characters."
  }
}
