variable "tags" {
  type = map(any)
}

variable "source_bucket" {}

variable "destination_bucket" {}

variable "source_directory" {}

variable "destination_directory" {}
