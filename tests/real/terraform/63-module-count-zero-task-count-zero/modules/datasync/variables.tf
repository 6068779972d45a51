variable "create_s3_location" {
  type    = bool
  default = false
}

variable "s3_location_name" {
  type    = string
  default = null
}

variable "s3_bucket_arn" {
  type    = string
  default = null
}

variable "create_efs_location" {
  type    = bool
  default = false
}

variable "efs_location_name" {
  type    = string
  default = null
}

variable "efs_file_system_arn" {
  type    = string
  default = null
}

variable "subdirectory" {
  type    = string
  default = "/"
}

variable "bucket_access_role_arn" {
  type    = string
  default = null
}

variable "security_group_arns" {
  type    = list(string)
  default = []
}

variable "subnet_arn" {
  type    = string
  default = null
}

variable "create_task" {
  type    = bool
  default = false
}

variable "task_name" {
  type    = string
  default = null
}

variable "source_location_arn" {
  type    = string
  default = null
}

variable "destination_location_arn" {
  type    = string
  default = null
}

variable "verify_mode" {
  type    = string
  default = "POINT_IN_TIME_CONSISTENT"
}

variable "atime" {
  type    = string
  default = "BEST_EFFORT"
}

variable "mtime" {
  type    = string
  default = "PRESERVE"
}

variable "preserve_deleted_files" {
  type    = string
  default = "PRESERVE"
}

variable "tags" {
  type    = map(string)
  default = {}
}
