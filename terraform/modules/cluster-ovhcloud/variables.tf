variable "service_name" {
  description = "ID of the OVHcloud Public Cloud project that holds the cluster."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{32}$", var.service_name))
    error_message = "service_name must be the project's 32-character hexadecimal ID."
  }
}

variable "name" {
  description = "Name of the cluster, and prefix of its network, gateway and node pools."
  type        = string
  default     = "enclave"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name))
    error_message = "name must be 3 to 32 lowercase letters, digits or dashes, starting with a letter."
  }
}

variable "region" {
  description = "OVHcloud region of the cluster, e.g. GRA9 or EU-WEST-PAR (check which regions carry the certification your data needs)."
  type        = string

  validation {
    condition     = can(regex("^[A-Z0-9-]+$", var.region))
    error_message = "region must be an OVHcloud region code such as GRA9 or EU-WEST-PAR."
  }
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the managed control plane (Enclave needs 1.28 or newer)."
  type        = string
  default     = "1.31"

  validation {
    condition     = can(regex("^1\\.(2[89]|[3-9][0-9])$", var.kubernetes_version))
    error_message = "kubernetes_version must be a minor version, 1.28 or newer, such as 1.31."
  }
}

variable "network_vlan_id" {
  description = "vRack VLAN ID of the cluster's private network."
  type        = number
  default     = 0

  validation {
    condition     = var.network_vlan_id >= 0 && var.network_vlan_id <= 4000 && floor(var.network_vlan_id) == var.network_vlan_id
    error_message = "network_vlan_id must be an integer from 0 to 4000."
  }
}

variable "network_cidr" {
  description = "IPv4 range of the nodes' private subnet."
  type        = string
  default     = "10.3.0.0/16"

  validation {
    condition     = can(cidrhost(var.network_cidr, 0)) && tonumber(split("/", var.network_cidr)[1]) <= 24
    error_message = "network_cidr must be an IPv4 CIDR of /24 or larger."
  }
}

variable "gateway_model" {
  description = "Size of the gateway that gives the private network its way out (s, m or l)."
  type        = string
  default     = "s"

  validation {
    condition     = contains(["s", "m", "l"], var.gateway_model)
    error_message = "gateway_model must be s, m or l."
  }
}

variable "update_policy" {
  description = "When OVHcloud may apply security patches to the control plane and nodes."
  type        = string
  default     = "MINIMAL_DOWNTIME"

  validation {
    condition     = contains(["ALWAYS_UPDATE", "MINIMAL_DOWNTIME", "NEVER_UPDATE"], var.update_policy)
    error_message = "update_policy must be ALWAYS_UPDATE, MINIMAL_DOWNTIME or NEVER_UPDATE."
  }
}

variable "node_pool" {
  description = "The general node pool (platform and CPU workspaces): instance flavor and autoscaling bounds."
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
    condition     = var.node_pool.min_nodes >= 2 && var.node_pool.max_nodes >= var.node_pool.min_nodes && var.node_pool.max_nodes <= 100
    error_message = "node_pool needs at least 2 nodes (replicated services spread over nodes) and max_nodes >= min_nodes, at most 100."
  }
}

variable "gpu_pool" {
  description = "An optional GPU node pool for GPU workspaces (null: none). Its nodes are tainted nvidia.com/gpu=present:NoSchedule and labelled enclave.eu/pool=gpu."
  type = object({
    flavor    = string
    min_nodes = number
    max_nodes = number
  })
  default = null

  validation {
    condition     = var.gpu_pool == null || (try(var.gpu_pool.min_nodes >= 0 && var.gpu_pool.max_nodes >= var.gpu_pool.min_nodes && var.gpu_pool.max_nodes >= 1, false))
    error_message = "gpu_pool needs min_nodes >= 0 and max_nodes >= max(1, min_nodes)."
  }
}
