variable "region" {
  type = string
}

variable "bucket_prefix" {
  type = string
}

variable "archive_schedule" {
  description = "cron expression for the nightly archive"
  type        = string
}
