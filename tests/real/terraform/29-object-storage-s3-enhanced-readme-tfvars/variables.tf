variable "name" {
  type    = string
  default = "gcs2s3"
}

variable "stage" {
  type    = string
  default = "dev"
}

variable "gcs_bucket" {
  type = string
}

variable "hmac_access_id" {
  type      = string
  sensitive = true
}

variable "hmac_secret" {
  type      = string
  sensitive = true
}

variable "verify_mode" {
  description = "POINT_IN_TIME_CONSISTENT, ONLY_FILES_TRANSFERRED or NONE"
  type        = string
  default     = "ONLY_FILES_TRANSFERRED"
}

variable "overwrite_mode" {
  type    = string
  default = "NEVER"
}

variable "preserve_deleted_files" {
  type    = string
  default = "PRESERVE"
}

variable "log_level" {
  type    = string
  default = "TRANSFER"
}
