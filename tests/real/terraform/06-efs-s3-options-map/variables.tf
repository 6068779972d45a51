variable "project" {
  type = string
}

variable "datasync_location_s3_subdirectory" {
  type    = string
  default = "data"
}

variable "datasync_task_options" {
  type = map
  default = {
    verify_mode            = "POINT_IN_TIME_CONSISTENT"
    posix_permissions      = "NONE"
    preserve_deleted_files = "REMOVE"
    uid                    = "NONE"
    gid                    = "NONE"
    atime                  = "NONE"
    mtime                  = "NONE"
    bytes_per_second       = "-1"
  }
}
