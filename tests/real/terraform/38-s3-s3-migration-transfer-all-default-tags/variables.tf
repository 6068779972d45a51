variable "environment" {
  description = "Environment to be used in the Tags"
  type        = string
}

variable "account_label" {
  type = string
}

variable "owner" {
  type = string
}

variable "component" {
  type    = string
  default = "data-lake"
}
