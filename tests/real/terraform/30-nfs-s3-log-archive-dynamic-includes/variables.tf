variable "source_kind" {
  description = "NFS or SMB"
  type        = string
  default     = "NFS"
}

variable "log_host" {
  type = string
}

variable "log_root" {
  type    = string
  default = "/logs/"
}

variable "nfs_version" {
  type    = string
  default = "AUTOMATIC"
}

variable "smb_user" {
  type    = string
  default = ""
}

variable "smb_password" {
  type      = string
  default   = ""
  sensitive = true
}

variable "agent_activation_key" {
  type = string
}

variable "task_name" {
  type    = string
  default = "app-logs-nightly-archive"
}

variable "schedule" {
  description = "daily at 01:00 UTC"
  type        = string
  default     = "cron(0 1 * * ? *)"
}

variable "include_patterns" {
  description = "SIMPLE_PATTERN include filters, e.g. rotated and compressed logs only"
  type        = list(string)
  default     = ["*.gz"]
}

variable "bytes_per_second" {
  description = "-1 for no limit"
  type        = number
  default     = -1
}
