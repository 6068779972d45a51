variable "customer" {
  type = string
}

variable "source_bucket_arn" {
  type = string
}

variable "target_bucket_arn" {
  type = string
}

variable "source_folder" {
  type = string
}

variable "target_folder" {
  type = string
}

variable "exclude_patterns" {
  type    = list(string)
  default = ["*COUNTERRECORD*"]
}

variable "include_patterns" {
  type    = list(string)
  default = ["*CALLRECORD*", "*PADSRECORD*", "*SMSRECORD*"]
}

variable "every_minutes" {
  type    = string
  default = "10"
}
