variable "source_bucket" {
  type = string
}

variable "destination_bucket" {
  type = string
}

variable "source_region" {
  type = string
}

variable "destination_region" {
  type = string
}
