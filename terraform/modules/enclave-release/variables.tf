variable "namespace" {
  description = "Namespace of the release (created here, labelled Pod Security restricted)."
  type        = string
  default     = "enclave-system"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a DNS label."
  }
}

variable "chart_path" {
  description = "Path of the chart; by default this repository's helm/enclave."
  type        = string
  default     = null

  validation {
    condition     = var.chart_path == null || try(fileexists("${var.chart_path}/Chart.yaml"), false)
    error_message = "chart_path must be a folder holding a Chart.yaml."
  }
}

variable "image_registry" {
  description = "Registry every image is pulled from (the private registry or air-gapped mirror the images were pushed to)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)*$", var.image_registry))
    error_message = "image_registry must be a registry host, with an optional port and path."
  }
}

variable "image_pull_secrets" {
  description = "Existing Secrets (kubernetes.io/dockerconfigjson) in the namespace to pull the images with."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for s in var.image_pull_secrets : can(regex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", s))])
    error_message = "image_pull_secrets must be Secret names."
  }
}

variable "image_digests" {
  description = "sha256 digests of the images as pushed, by component (orchestrator, egress-review, guacd): production pulls by digest."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k, d in var.image_digests : contains(["orchestrator", "egress-review", "guacd"], k) && can(regex("^sha256:[a-f0-9]{64}$", d))])
    error_message = "image_digests keys must be orchestrator, egress-review or guacd, and values sha256:<64 hex>."
  }
}

variable "hosts" {
  description = "Host names of the two portals (distinct: both serve /api/v1/audit and /v3/api-docs)."
  type = object({
    orchestrator  = string
    egress_review = string
  })

  validation {
    condition     = var.hosts.orchestrator != var.hosts.egress_review && alltrue([for h in values(var.hosts) : can(regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$", h))])
    error_message = "hosts must be two distinct DNS names."
  }
}

variable "cluster_issuer" {
  description = "cert-manager ClusterIssuer of the portals' certificates (empty: the TLS Secrets exist already)."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^([a-z0-9]([-a-z0-9.]*[a-z0-9])?)?$", var.cluster_issuer))
    error_message = "cluster_issuer must be a resource name or empty."
  }
}

variable "oidc" {
  description = "The identity provider: issuer, the claim holding roles, the acr values counted as multi-factor."
  type = object({
    issuer_uri   = string
    roles_claim  = string
    accepted_acr = list(string)
  })

  validation {
    condition     = can(regex("^https://", var.oidc.issuer_uri)) && length(var.oidc.accepted_acr) > 0
    error_message = "oidc needs an https issuer_uri and at least one accepted_acr (multi-factor sign-in)."
  }
}

variable "database_urls" {
  description = "JDBC URLs of each service's PostgreSQL database (credentials in the Secrets enclave-<service>-database)."
  type = object({
    orchestrator  = string
    egress_review = string
  })

  validation {
    condition     = alltrue([for u in values(var.database_urls) : can(regex("^jdbc:postgresql://[^/\\s]+/\\S+$", u))])
    error_message = "database_urls must be jdbc:postgresql://host:port/database URLs."
  }
}

variable "vault" {
  description = "Vault as the vault-enclave module configured it (pass its outputs)."
  type = object({
    address           = string
    orchestrator_role = string
    kubernetes_mount  = string
    kv_mount          = string
    path_prefix       = string
    database_mount    = string
    database_roles    = list(string)
  })

  validation {
    condition     = can(regex("^https://", var.vault.address))
    error_message = "vault.address must be an https URL."
  }
}

variable "egress_store" {
  description = "Egress store: an S3-compatible bucket (credentials in the Secret enclave-egress-review-s3), or null for a ReadWriteOnce volume (one egress-review replica)."
  type = object({
    endpoint   = string
    bucket     = string
    region     = string
    path_style = bool
  })
  default = null

  validation {
    condition     = var.egress_store == null || try(can(regex("^https://", var.egress_store.endpoint)), false)
    error_message = "egress_store.endpoint must be an https URL."
  }
}

variable "smtp" {
  description = "SMTP server of notifications (password, if any, in the Secret enclave-smtp), or null for none."
  type = object({
    host     = string
    port     = number
    username = string
    from     = string
  })
  default = null

  validation {
    condition     = var.smtp == null || try(var.smtp.port > 0 && var.smtp.port < 65536 && can(regex("@", var.smtp.from)), false)
    error_message = "smtp needs a port from 1 to 65535 and a from address."
  }
}

variable "storage_classes" {
  description = "Storage classes: rwx for shared volumes (project shares, recordings), rwo for single-writer ones (homes, the egress volume)."
  type = object({
    rwx = string
    rwo = string
  })

  validation {
    condition     = alltrue([for c in values(var.storage_classes) : can(regex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", c))])
    error_message = "storage_classes must be StorageClass names."
  }
}

variable "network" {
  description = "Addresses (CIDRs) of what the platform's pods may reach outside the cluster; each list becomes one network policy's destinations."
  type = object({
    kubernetes_api    = list(string)
    postgresql        = list(string)
    vault             = list(string)
    identity_provider = list(string)
    smtp              = list(string)
    s3                = list(string)
  })

  validation {
    condition     = alltrue([for c in flatten(values(var.network)) : can(cidrhost(c, 0)) && !contains(["0.0.0.0/0", "::/0"], c)])
    error_message = "network lists CIDRs, never 0.0.0.0/0 or ::/0."
  }
}

variable "trust_ca_bundle" {
  description = "PEM bundle of the private CAs of the identity provider, PostgreSQL, Vault, S3 and SMTP (a ConfigMap of the namespace); empty: public CAs only."
  type        = string
  default     = ""

  validation {
    condition     = var.trust_ca_bundle == "" || can(regex("-----BEGIN CERTIFICATE-----", var.trust_ca_bundle))
    error_message = "trust_ca_bundle must be PEM certificates or empty."
  }
}

variable "vault_token_reviewer" {
  description = "Create the service account Vault checks the services' tokens with (system:auth-delegator), and output its token for the vault-enclave module."
  type        = bool
  default     = true
}

variable "extra_values" {
  description = "More Helm values (the chart's values.yaml form), applied after the ones this module writes."
  type        = any
  default     = {}
}
