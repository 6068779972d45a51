variable "name" {
  type = string
}

variable "bucket_name" {
  type    = string
  default = null
}

variable "subnet_arn" {
  type = string
}

variable "filesystem_subdirectory" {
  type    = string
  default = "/"
}

variable "bucket_subdirectory" {
  type    = string
  default = "/"
}

variable "tags" {
  type    = map(string)
  default = {}
}
