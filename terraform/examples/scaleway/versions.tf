terraform {
  required_version = ">= 1.9.0, < 2.0.0"

  required_providers {
    scaleway = {
      source  = "scaleway/scaleway"
      version = "2.64.0"
    }
    vault = {
      source  = "hashicorp/vault"
      version = "5.6.0"
    }
    helm = {
      source  = "hashicorp/helm"
      version = "3.1.1"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "2.38.0"
    }
  }

  # The state holds secrets (the cluster's admin credentials, the warehouse's first password): keep it remote and
  # encrypted, e.g. in an S3-compatible bucket of the same provider with server-side encryption:
  #   terraform init -backend-config=backend.hcl   (bucket, key, region, endpoints, use_lockfile = true)
  backend "s3" {}
}
