variable "project_name" {
  type    = string
  default = "cis-filesearch"
}

variable "datasync_bandwidth_limit" {
  type    = number
  default = 100
}
