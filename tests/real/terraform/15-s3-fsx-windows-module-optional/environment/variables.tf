variable "app_name" {
  type = string
}

variable "env_name" {
  type = string
}

variable "datasync_config" {
  type = object({
    source_s3_bucket_arn = string
    bandwidth_throttle   = optional(number)
    schedule_expression  = optional(string, "cron(15 4 * * ? *)")
  })
  default = null
}
