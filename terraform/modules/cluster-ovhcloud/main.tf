# An OVHcloud Managed Kubernetes cluster on a private vRack network: nodes have private addresses only and reach
# out through the network's gateway; a general node pool and, optionally, a tainted GPU pool.

resource "ovh_cloud_project_network_private" "this" {
  service_name = var.service_name
  name         = "${var.name}-network"
  vlan_id      = var.network_vlan_id
  regions      = [var.region]
}

resource "ovh_cloud_project_network_private_subnet" "nodes" {
  service_name = var.service_name
  network_id   = ovh_cloud_project_network_private.this.id
  region       = var.region
  network      = var.network_cidr
  start        = cidrhost(var.network_cidr, 10)
  end          = cidrhost(var.network_cidr, -2)
  dhcp         = true
  no_gateway   = false
}

resource "ovh_cloud_project_gateway" "this" {
  service_name = var.service_name
  name         = "${var.name}-gateway"
  model        = var.gateway_model
  region       = var.region
  network_id   = tolist(ovh_cloud_project_network_private.this.regions_attributes[*].openstackid)[0]
  subnet_id    = ovh_cloud_project_network_private_subnet.nodes.id
}

resource "ovh_cloud_project_kube" "this" {
  service_name       = var.service_name
  name               = var.name
  region             = var.region
  version            = var.kubernetes_version
  update_policy      = var.update_policy
  private_network_id = tolist(ovh_cloud_project_network_private.this.regions_attributes[*].openstackid)[0]
  nodes_subnet_id    = ovh_cloud_project_network_private_subnet.nodes.id

  private_network_configuration {
    default_vrack_gateway              = ""
    private_network_routing_as_default = true
  }

  depends_on = [ovh_cloud_project_gateway.this]
}

resource "ovh_cloud_project_kube_nodepool" "general" {
  service_name  = var.service_name
  kube_id       = ovh_cloud_project_kube.this.id
  name          = "${var.name}-general"
  flavor_name   = var.node_pool.flavor
  desired_nodes = var.node_pool.min_nodes
  min_nodes     = var.node_pool.min_nodes
  max_nodes     = var.node_pool.max_nodes
  autoscale     = true
  anti_affinity = false

  template {
    metadata {
      labels      = { "enclave.eu/pool" = "general" }
      annotations = {}
      finalizers  = []
    }
    spec {
      unschedulable = false
      taints        = []
    }
  }
}

resource "ovh_cloud_project_kube_nodepool" "gpu" {
  count = var.gpu_pool == null ? 0 : 1

  service_name  = var.service_name
  kube_id       = ovh_cloud_project_kube.this.id
  name          = "${var.name}-gpu"
  flavor_name   = var.gpu_pool.flavor
  desired_nodes = var.gpu_pool.min_nodes
  min_nodes     = var.gpu_pool.min_nodes
  max_nodes     = var.gpu_pool.max_nodes
  autoscale     = true

  template {
    metadata {
      labels      = { "enclave.eu/pool" = "gpu" }
      annotations = {}
      finalizers  = []
    }
    spec {
      unschedulable = false
      taints = [{
        key    = "nvidia.com/gpu"
        value  = "present"
        effect = "NoSchedule"
      }]
    }
  }
}
