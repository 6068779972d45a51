variable "stage" {
  type    = string
  default = "dev"
}

variable "suffix" {
  type    = string
  default = "4f2a9c1e"
}

variable "task_name" {
  type    = string
  default = "example-bucket-copy"
}

variable "verify_mode" {
  type    = string
  default = "POINT_IN_TIME_CONSISTENT"
}

variable "overwrite_mode" {
  type    = string
  default = "ALWAYS"
}

variable "transfer_mode" {
  type    = string
  default = "CHANGED"
}

variable "log_level" {
  type    = string
  default = "TRANSFER"
}

variable "bandwidth" {
  type    = number
  default = -1
}

variable "report" {
  type    = bool
  default = true
}

variable "report_level" {
  type    = string
  default = "ERRORS_ONLY"
}
