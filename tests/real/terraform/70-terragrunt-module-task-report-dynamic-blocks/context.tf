# The null-label context every module of the repository carries (reduced to
# what the task uses: the label's id and tags).
module "this" {
  source  = "cloudposse/label/null"
  version = "0.25.0"

  enabled     = var.enabled
  namespace   = var.namespace
  environment = var.environment
  name        = var.name
  tags        = var.tags
}

variable "enabled" {
  type    = bool
  default = null
}

variable "namespace" {
  type    = string
  default = null
}

variable "environment" {
  type    = string
  default = null
}

variable "name" {
  type    = string
  default = null
}

variable "tags" {
  type    = map(string)
  default = {}
}
