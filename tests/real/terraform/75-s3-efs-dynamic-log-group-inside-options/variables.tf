variable "project" {
  type    = string
  default = "example-sync"
}

variable "stage" {
  type    = string
  default = "development"
}

variable "suffix" {
  type    = string
  default = "k3x9q2"
}

variable "send_logs" {
  type    = bool
  default = true
}

variable "verify_mode" {
  type    = string
  default = "POINT_IN_TIME_CONSISTENT"
}

variable "overwrite_mode" {
  type    = string
  default = "ALWAYS"
}

variable "deleted_files" {
  type    = string
  default = "PRESERVE"
}

variable "log_level" {
  type    = string
  default = "TRANSFER"
}

variable "bandwidth" {
  type    = number
  default = -1
}

variable "efs_security_group_arn" {
  type    = string
  default = "arn:aws:ec2:us-east-1:135791357913:security-group/sg-0123456789abcdef0"
}

variable "private_subnet_arn" {
  type    = string
  default = "arn:aws:ec2:us-east-1:135791357913:subnet/subnet-0123456789abcdef0"
}
