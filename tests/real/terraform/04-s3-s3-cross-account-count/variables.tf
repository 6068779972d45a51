variable "is_src_account" {
  type    = bool
  default = true
}

variable "task_create" {
  type    = bool
  default = false
}

variable "task_name" {
  type    = string
  default = "example_task"
}

variable "task_schedule" {
  type    = string
  default = "cron(0 */8 * * ? *)"
}

variable "task_enabled" {
  type    = string
  default = "ENABLED"
}

variable "src_s3_bucket_arn" {
  type    = string
  default = ""
}

variable "dst_s3_bucket_arn" {
  type    = string
  default = ""
}

variable "src_iam_role_arn" {
  type    = string
  default = ""
}
