variable "project" {
  type    = string
  default = "policy-library"
}

variable "enable_ingestion" {
  type    = bool
  default = false
}

variable "enable_datasync" {
  type    = bool
  default = true
}

variable "bucket_prefix" {
  type    = string
  default = "/library/source=share"
}

variable "agent_arn" {
  type    = string
  default = "arn:aws:datasync:us-east-2:111111111111:agent/agent-REPLACE_ME"
}

variable "weekly_schedule" {
  type    = string
  default = "cron(0 7 ? * SUN *)"
}

variable "include_filter" {
  description = "Include filter for the task (/** for everything)."
  type        = string
  default     = "/**"
}

variable "smb_domain" {
  type    = string
  default = "EXAMPLE"
}

variable "smb_host" {
  type    = string
  default = "files.example.internal"
}

variable "smb_folder" {
  type    = string
  default = "/Library"
}

variable "smb_user" {
  type    = string
  default = "svc_copier"
}

variable "smb_password" {
  type      = string
  sensitive = true
  default   = null
}

variable "smb_version" {
  type    = string
  default = "SMB3"
}
