# A Scaleway Kapsule cluster on a private network of its own VPC (Cilium, which enforces NetworkPolicies), with a
# general pool per zone and, optionally, a tainted GPU pool. With private_nodes, nodes have no public address and
# reach out through the private network's public gateway.

resource "scaleway_vpc" "this" {
  project_id = var.project_id
  region     = var.region
  name       = "${var.name}-vpc"
}

resource "scaleway_vpc_private_network" "this" {
  project_id = var.project_id
  region     = var.region
  name       = "${var.name}-network"
  vpc_id     = scaleway_vpc.this.id

  ipv4_subnet {
    subnet = var.network_cidr
  }
}

resource "scaleway_vpc_public_gateway" "this" {
  count = var.private_nodes ? 1 : 0

  project_id = var.project_id
  zone       = var.zones[0]
  name       = "${var.name}-gateway"
  type       = "VPC-GW-S"
}

resource "scaleway_vpc_gateway_network" "this" {
  count = var.private_nodes ? 1 : 0

  gateway_id         = scaleway_vpc_public_gateway.this[0].id
  private_network_id = scaleway_vpc_private_network.this.id
  enable_masquerade  = true
  zone               = var.zones[0]

  ipam_config {
    push_default_route = true
  }
}

resource "scaleway_k8s_cluster" "this" {
  project_id                  = var.project_id
  region                      = var.region
  name                        = var.name
  type                        = "kapsule"
  version                     = var.kubernetes_version
  cni                         = "cilium"
  private_network_id          = scaleway_vpc_private_network.this.id
  delete_additional_resources = false

  auto_upgrade {
    enable                        = true
    maintenance_window_day        = "sunday"
    maintenance_window_start_hour = 3
  }

  depends_on = [scaleway_vpc_gateway_network.this]
}

resource "scaleway_k8s_pool" "general" {
  for_each = toset(var.zones)

  cluster_id         = scaleway_k8s_cluster.this.id
  name               = "${var.name}-general-${each.key}"
  zone               = each.key
  node_type          = var.node_pool.node_type
  size               = var.node_pool.min_size
  min_size           = var.node_pool.min_size
  max_size           = var.node_pool.max_size
  autoscaling        = true
  autohealing        = true
  public_ip_disabled = var.private_nodes
  tags               = ["noprefix=enclave.eu/pool=general"]
}

resource "scaleway_k8s_pool" "gpu" {
  count = var.gpu_pool == null ? 0 : 1

  cluster_id         = scaleway_k8s_cluster.this.id
  name               = "${var.name}-gpu"
  zone               = var.zones[0]
  node_type          = var.gpu_pool.node_type
  size               = var.gpu_pool.min_size
  min_size           = var.gpu_pool.min_size
  max_size           = var.gpu_pool.max_size
  autoscaling        = true
  autohealing        = true
  public_ip_disabled = var.private_nodes
  tags               = ["noprefix=enclave.eu/pool=gpu", "taint=nvidia.com/gpu=present:NoSchedule"]
}
