variable "prefix" {
  type    = string
  default = "share-hub"
}

variable "shared_bucket_arn" {
  type = string
}

variable "shared_prefix" {
  type    = string
  default = "/"
}

variable "receivers" {
  type = map(object({
    account_id       = string
    bucket_arn       = string
    cron             = optional(string, "cron(0 */6 * * ? *)")
    bytes_per_second = optional(number, -1)
    only             = optional(string, null)
    skip             = optional(string, null)
    prefix           = optional(string, "/")
    storage_class    = optional(string, "STANDARD")
  }))
}
