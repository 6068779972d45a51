variable "task_name" {
  type = string
}

variable "s3_bucket_arn" {
  type = string
}

variable "s3_storage_class" {
  type    = string
  default = "STANDARD"
}

variable "s3_subdirectory" {
  type    = string
  default = "/"
}

variable "s3_bucket_access_role_arn" {
  type = string
}

variable "efs_file_system_arn" {
  type = string
}

variable "efs_access_role_arn" {
  type    = string
  default = null
}

variable "efs_subdirectory" {
  type    = string
  default = "/"
}

variable "security_group_arns" {
  type = list(string)
}

variable "subnet_arn" {
  type = string
}

variable "in_transit_encryption" {
  type    = string
  default = "TLS1_2"
}

variable "source_location_arn" {
  description = "a location made elsewhere, instead of this module's EFS location"
  type        = string
  default     = null
}

variable "destination_location_arn" {
  description = "a location made elsewhere, instead of this module's S3 location"
  type        = string
  default     = null
}

variable "task_options" {
  type = object({
    verify_mode            = string
    preserve_deleted_files = string
    preserve_devices       = string
    posix_permissions      = string
    uid                    = string
    gid                    = string
    atime                  = string
    mtime                  = string
    transfer_mode          = string
    overwrite_mode         = string
    task_queueing          = string
    log_level              = string
  })
  default = {
    verify_mode            = "ONLY_FILES_TRANSFERRED"
    preserve_deleted_files = "REMOVE"
    preserve_devices       = "NONE"
    posix_permissions      = "PRESERVE"
    uid                    = "NONE"
    gid                    = "NONE"
    atime                  = "BEST_EFFORT"
    mtime                  = "PRESERVE"
    transfer_mode          = "CHANGED"
    overwrite_mode         = "ALWAYS"
    task_queueing          = "ENABLED"
    log_level              = "TRANSFER"
  }
}

variable "cloudwatch_log_group_arn" {
  type    = string
  default = null
}

variable "tags" {
  type    = map(string)
  default = {}
}
