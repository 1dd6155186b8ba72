# From zero to Enclave on this provider: the cluster, Vault configured for Enclave, then the chart. The Secrets
# the chart reads are created by hand between the two applies (docs/operations.md, "Install from zero").

# Scaleway credentials come from SCW_ACCESS_KEY and SCW_SECRET_KEY.
provider "scaleway" {
  region = var.region
}

# Vault's address and token come from VAULT_ADDR and VAULT_TOKEN (an operator's token, not Enclave's).
provider "vault" {}

provider "kubernetes" {
  host                   = module.cluster.kubernetes_host
  cluster_ca_certificate = base64decode(module.cluster.cluster_ca_certificate)
  token                  = module.cluster.token
}

provider "helm" {
  kubernetes = {
    host                   = module.cluster.kubernetes_host
    cluster_ca_certificate = base64decode(module.cluster.cluster_ca_certificate)
    token                  = module.cluster.token
  }
}

module "cluster" {
  source = "../../modules/cluster-scaleway"

  project_id = var.project_id
  region     = var.region
  zones      = var.zones
  node_pool  = var.node_pool
  gpu_pool   = var.gpu_pool
}

module "vault" {
  source = "../../modules/vault-enclave"

  namespace          = var.namespace
  kubernetes_host    = module.cluster.kubernetes_host
  kubernetes_ca_cert = base64decode(module.cluster.cluster_ca_certificate)
  token_reviewer_jwt = module.release.vault_token_reviewer_jwt
  warehouse          = var.warehouse
  warehouse_password = var.warehouse_password
}

module "release" {
  source = "../../modules/enclave-release"

  namespace          = var.namespace
  image_registry     = var.platform.image_registry
  image_pull_secrets = var.platform.image_pull_secrets
  image_digests      = var.platform.image_digests
  hosts              = var.platform.hosts
  cluster_issuer     = var.platform.cluster_issuer
  oidc               = var.platform.oidc
  database_urls      = var.platform.database_urls
  egress_store       = var.platform.egress_store
  smtp               = var.platform.smtp
  storage_classes    = var.platform.storage_classes
  network            = var.platform.network
  trust_ca_bundle    = var.platform.trust_ca_bundle
  vault = {
    address           = var.vault_address
    orchestrator_role = module.vault.orchestrator_role
    kubernetes_mount  = module.vault.kubernetes_auth_mount
    kv_mount          = module.vault.kv_mount
    path_prefix       = module.vault.path_prefix
    database_mount    = module.vault.database_mount
    database_roles    = module.vault.database_roles
  }
}
