# Installs the chart helm/enclave in a namespace labelled Pod Security restricted, with values wired from the
# cluster and Vault modules. The Secrets the chart reads are not made here (their values would sit in Terraform
# state): docs/operations.md lists them.

locals {
  chart = coalesce(var.chart_path, "${path.module}/../../../helm/enclave")
  # each network policy to the outside: its addresses and ports
  destinations = {
    kubernetesApi    = { cidrs = var.network.kubernetes_api, ports = [443, 6443] }
    postgresql       = { cidrs = var.network.postgresql, ports = [5432] }
    vault            = { cidrs = var.network.vault, ports = [8200] }
    identityProvider = { cidrs = var.network.identity_provider, ports = [443] }
    smtp             = { cidrs = var.network.smtp, ports = [var.smtp == null ? 587 : var.smtp.port] }
    s3               = { cidrs = var.network.s3, ports = [443] }
  }

  values = {
    global = {
      imageRegistry    = var.image_registry
      imagePullSecrets = var.image_pull_secrets
    }
    oidc = {
      issuerUri   = var.oidc.issuer_uri
      rolesClaim  = var.oidc.roles_claim
      acceptedAcr = var.oidc.accepted_acr
    }
    vault = { address = var.vault.address }
    trust = { caBundleConfigMap = var.trust_ca_bundle == "" ? "" : "enclave-ca-bundle" }
    ingress = {
      clusterIssuer = var.cluster_issuer
      orchestrator  = { host = var.hosts.orchestrator, tlsSecret = "enclave-portal-tls" }
      egressReview  = { host = var.hosts.egress_review, tlsSecret = "enclave-egress-review-tls" }
    }
    networkPolicy = {
      for name, destination in local.destinations : name => {
        to    = [for cidr in destination.cidrs : { ipBlock = { cidr = cidr } }]
        ports = destination.ports
      }
    }
    orchestrator = {
      image    = { digest = lookup(var.image_digests, "orchestrator", "") }
      database = { url = var.database_urls.orchestrator }
      vault = {
        kvMount       = var.vault.kv_mount
        pathPrefix    = var.vault.path_prefix
        databaseMount = var.vault.database_mount
        databaseRoles = var.vault.database_roles
        auth = {
          method          = "kubernetes"
          kubernetesRole  = var.vault.orchestrator_role
          kubernetesMount = var.vault.kubernetes_mount
        }
      }
      cluster    = { storage = { storageClass = var.storage_classes.rwx } }
      workspaces = { homeStorageClass = var.storage_classes.rwo }
    }
    egressReview = {
      replicas = var.egress_store == null ? 1 : 2
      image    = { digest = lookup(var.image_digests, "egress-review", "") }
      database = { url = var.database_urls.egress_review }
      storage = var.egress_store == null ? {
        kind       = "filesystem"
        filesystem = { storageClass = var.storage_classes.rwo }
        } : {
        kind = "s3"
        s3 = {
          endpoint          = var.egress_store.endpoint
          bucket            = var.egress_store.bucket
          region            = var.egress_store.region
          pathStyle         = var.egress_store.path_style
          credentialsSecret = "enclave-egress-review-s3"
        }
      }
      smtp = var.smtp == null ? { enabled = false } : {
        enabled        = true
        host           = var.smtp.host
        port           = var.smtp.port
        username       = var.smtp.username
        passwordSecret = "enclave-smtp"
        from           = var.smtp.from
      }
    }
    guacd = {
      image      = { digest = lookup(var.image_digests, "guacd", "") }
      recordings = { storageClass = var.storage_classes.rwx }
    }
  }
}

resource "kubernetes_namespace_v1" "this" {
  metadata {
    name = var.namespace
    labels = {
      "pod-security.kubernetes.io/enforce"         = "restricted"
      "pod-security.kubernetes.io/enforce-version" = "latest"
      "pod-security.kubernetes.io/audit"           = "restricted"
      "pod-security.kubernetes.io/warn"            = "restricted"
    }
  }
}

resource "kubernetes_config_map_v1" "ca_bundle" {
  count = var.trust_ca_bundle == "" ? 0 : 1

  metadata {
    name      = "enclave-ca-bundle"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
  }
  data = { "ca.crt" = var.trust_ca_bundle }
}

resource "helm_release" "enclave" {
  name             = "enclave"
  chart            = local.chart
  namespace        = kubernetes_namespace_v1.this.metadata[0].name
  create_namespace = false
  atomic           = true
  timeout          = 900
  values           = [yamlencode(local.values), yamlencode(var.extra_values)]

  depends_on = [kubernetes_config_map_v1.ca_bundle]
}
