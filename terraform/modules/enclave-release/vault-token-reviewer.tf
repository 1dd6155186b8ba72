# The identity Vault's Kubernetes auth checks the services' tokens with (TokenReview): its own service account
# with system:auth-delegator and a long-lived token, so that the orchestrator's service account needs no such
# right. Its token goes to the vault-enclave module (token_reviewer_jwt).

resource "kubernetes_service_account_v1" "vault_reviewer" {
  count = var.vault_token_reviewer ? 1 : 0

  metadata {
    name      = "vault-token-reviewer"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
  }
  automount_service_account_token = false
}

resource "kubernetes_cluster_role_binding_v1" "vault_reviewer" {
  count = var.vault_token_reviewer ? 1 : 0

  metadata {
    name = "enclave-vault-token-reviewer"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "system:auth-delegator"
  }
  subject {
    kind      = "ServiceAccount"
    name      = kubernetes_service_account_v1.vault_reviewer[0].metadata[0].name
    namespace = kubernetes_namespace_v1.this.metadata[0].name
  }
}

resource "kubernetes_secret_v1" "vault_reviewer" {
  count = var.vault_token_reviewer ? 1 : 0

  metadata {
    name      = "vault-token-reviewer"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
    annotations = {
      "kubernetes.io/service-account.name" = kubernetes_service_account_v1.vault_reviewer[0].metadata[0].name
    }
  }
  type                           = "kubernetes.io/service-account-token"
  wait_for_service_account_token = true
}
