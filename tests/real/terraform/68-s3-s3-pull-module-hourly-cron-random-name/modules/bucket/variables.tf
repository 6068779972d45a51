variable "git" {
  description = "Prefix of every resource's name"
  type        = string
}

variable "name" {
  description = "Bucket name after the prefix"
  type        = string
  default     = "s3"
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "enabled" {
  description = "false: the module makes nothing"
  type        = bool
  default     = true
}

variable "enable_datasync" {
  description = "Pull datasync_source_bucket_arn into this bucket with DataSync"
  type        = bool
  default     = false
}

variable "datasync_schedule_expression" {
  description = "When the pull runs"
  type        = string
  default     = "cron(40 * * * ? *)"
}

variable "datasync_source_bucket_arn" {
  description = "Bucket the pull copies from"
  type        = string
  default     = ""
}
