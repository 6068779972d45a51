variable "prefix" {
  type = string
}

variable "storage_account_list" {
  type = list(object({
    name = string
    azure_blob = optional(object({
      container_url = string
    }))
    smb = optional(object({
      server_hostname = string
    }))
  }))
}

variable "s3_storage_class" {
  type    = string
  default = "GLACIER_INSTANT_RETRIEVAL"
}

variable "datasync_task_options" {
  type = map(string)
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
