variable "project_name" {
  type    = string
  default = "history"
}

variable "environment" {
  type    = string
  default = "dev"
}

variable "enable_datasync" {
  type    = bool
  default = false
}

variable "datasync_agent_arn" {
  type    = string
  default = ""
}

variable "onprem_nfs_server" {
  type    = string
  default = ""
}

variable "onprem_nfs_subdirectory" {
  type    = string
  default = "/history"
}

variable "datasync_schedule_expression" {
  type        = string
  default     = "cron(0 18 * * ? *)"
  description = "Daily run in UTC"
}
