variable "env" {
  type = "string"
}

variable "datasync_agent" {
  type = "map"
}

variable "datasync_location_s3_subdirectory" {
  type    = "string"
  default = "/"
}

variable "datasync_location_nfs_subdirectory" {
  type    = "string"
  default = "/"
}

variable "datasync_task_options" {
  type = "map"
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
