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

  type = list(object({
    filter_type = string
    value       = string
  }))
  default = []
}

variable "includes" {

  type = list(object({
    filter_type = string
    value       = string
  }))
  default = []
}

variable "options" {

  type = object({
    atime                          = optional(string, "BEST_EFFORT")
    bytes_per_second               = optional(number, -1)
    gid                            = optional(string, "INT_VALUE")
    log_level                      = optional(string, "OFF")
    mtime                          = optional(string, "PRESERVE")
    object_tags                    = optional(string, "PRESERVE")
    overwrite_mode                 = optional(string, "ALWAYS")
    posix_permissions              = optional(string, "PRESERVE")
    preserve_deleted_files         = optional(string, "PRESERVE")
    preserve_devices               = optional(string, "NONE")
    security_descriptor_copy_flags = optional(string, "OWNER_DACL")
    task_queueing                  = optional(string, "ENABLED")
    transfer_mode                  = optional(string, "CHANGED")
    uid                            = optional(string, "INT_VALUE")
    verify_mode                    = optional(string, "POINT_IN_TIME_CONSISTENT")
  })
  default = null
}

variable "schedule" {

  type = object({
    schedule_expression = string
  })
  default = null
}

variable "task_report_config" {

  type = object({
    s3_destination = object({
      bucket_access_role_arn = string
      s3_bucket_arn          = string
      subdirectory           = optional(string)
    })
    s3_object_versioning = optional(string, "NONE")
    output_type          = optional(string, "SUMMARY_ONLY")
    report_overrides = optional(object({
      deleted_override     = optional(string, "ERRORS_ONLY")
      skipped_override     = optional(string, "ERRORS_ONLY")
      transferred_override = optional(string, "ERRORS_ONLY")
      verified_override    = optional(string, "ERRORS_ONLY")
    }), null)
    report_level = optional(string, "ERRORS_ONLY")
  })
  default = null
}
