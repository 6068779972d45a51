variable "name_prefix" {
  type = string
}

variable "datasync_s3_objects_to_efs" {
  type    = bool
  default = false
}

variable "datasync_s3_subdirectory" {
  type    = string
  default = "/"
}

variable "datasync_bytes_per_second" {
  type    = number
  default = -1
}

variable "datasync_preserve_deleted_files" {
  type    = string
  default = "PRESERVE"
}

variable "datasync_overwrite_mode" {
  type    = string
  default = "ALWAYS"
}

variable "datasync_transfer_mode" {
  type    = string
  default = "CHANGED"
}

variable "datasync_s3_to_efs_pattern" {
  type    = string
  default = null
}
