variable "project_id" {
  description = "ID of the Scaleway project that holds the cluster."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", var.project_id))
    error_message = "project_id must be a Scaleway project UUID."
  }
}

variable "name" {
  description = "Name of the cluster, and prefix of its VPC, private network, gateway and pools."
  type        = string
  default     = "enclave"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name))
    error_message = "name must be 3 to 32 lowercase letters, digits or dashes, starting with a letter."
  }
}

variable "region" {
  description = "Scaleway region of the cluster (fr-par, nl-ams or pl-waw; check which carry the certification your data needs)."
  type        = string
  default     = "fr-par"

  validation {
    condition     = contains(["fr-par", "nl-ams", "pl-waw"], var.region)
    error_message = "region must be fr-par, nl-ams or pl-waw."
  }
}

variable "zones" {
  description = "Availability zones of the region the general pool spreads over, one pool per zone."
  type        = list(string)
  default     = ["fr-par-1", "fr-par-2"]

  validation {
    condition     = length(var.zones) >= 1 && alltrue([for z in var.zones : can(regex("^(fr-par|nl-ams|pl-waw)-[1-3]$", z))])
    error_message = "zones must list at least one zone such as fr-par-1."
  }
}

variable "kubernetes_version" {
  description = "Kubernetes version of the Kapsule control plane (Enclave needs 1.28 or newer)."
  type        = string
  default     = "1.31.7"

  validation {
    condition     = can(regex("^1\\.(2[89]|[3-9][0-9])(\\.[0-9]+)?$", var.kubernetes_version))
    error_message = "kubernetes_version must be 1.28 or newer, such as 1.31.7."
  }
}

variable "network_cidr" {
  description = "IPv4 range of the private network the nodes live on."
  type        = string
  default     = "172.16.0.0/22"

  validation {
    condition     = can(cidrhost(var.network_cidr, 0)) && tonumber(split("/", var.network_cidr)[1]) <= 24
    error_message = "network_cidr must be an IPv4 CIDR of /24 or larger."
  }
}

variable "private_nodes" {
  description = "Nodes without public IP addresses, reaching out through a public gateway of the private network."
  type        = bool
  default     = true
}

variable "node_pool" {
  description = "The general pool (platform and CPU workspaces), in each zone: node type and autoscaling bounds."
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
    condition     = var.node_pool.min_size >= 1 && var.node_pool.max_size >= var.node_pool.min_size && var.node_pool.max_size <= 100
    error_message = "node_pool needs min_size >= 1 and max_size >= min_size, at most 100."
  }
}

variable "gpu_pool" {
  description = "An optional GPU pool for GPU workspaces (null: none), in the first zone. Its nodes are tainted nvidia.com/gpu=present:NoSchedule and labelled enclave.eu/pool=gpu."
  type = object({
    node_type = string
    min_size  = number
    max_size  = number
  })
  default = null

  validation {
    condition     = var.gpu_pool == null || (try(var.gpu_pool.min_size >= 0 && var.gpu_pool.max_size >= var.gpu_pool.min_size && var.gpu_pool.max_size >= 1, false))
    error_message = "gpu_pool needs min_size >= 0 and max_size >= max(1, min_size)."
  }
}
