variable "raw_prefix" {
  type    = string
  default = "raw/"
}

variable "processed_prefix" {
  type    = string
  default = "processed/"
}

variable "datasync_schedule_expression" {
  type    = string
  default = "cron(0 3 * * ? *)"
}

variable "tags" {
  type = map(string)
  default = {
    Project = "data-platform"
    Lab     = "2.2-datasync"
  }
}
