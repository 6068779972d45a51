variable "project" {
  type = string
}

variable "environment" {
  type = string
}

variable "name_suffix" {
  type = string
}
