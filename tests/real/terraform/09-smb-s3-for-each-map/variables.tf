variable "pscloud_company" {
  type = string
}

variable "pscloud_env" {
  type = string
}

variable "pscloud_tasks" {
  type = map(object({
    name             = string
    source_arn       = string
    destanation_arn  = string
    bytes_per_second = number
    verify_mode      = string
  }))
  default = {}
}
