variable "destination_location_arn" {
  type = string
}

variable "source_location_arn" {
  type = string
}

variable "cloudwatch_log_group_arn" {
  type    = string
  default = null
}

variable "excludes" {
  type = object({
    filter_type = string
    value       = string
  })
  default = null
}

variable "name" {
  type    = string
  default = null
}

variable "schedule" {
  type = object({
    schedule_expression = string
  })
  default = null
}

variable "tags" {
  type    = map(any)
  default = {}
}

variable "options" {
  type = object({
    atime                  = string
    bytes_per_second       = number
    gid                    = string
    log_level              = string
    mtime                  = string
    overwrite_mode         = string
    posix_permissions      = string
    preserve_deleted_files = string
    preserve_devices       = string
    task_queueing          = string
    transfer_mode          = string
    uid                    = string
    verify_mode            = string
  })
  default = null
}
