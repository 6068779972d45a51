variable "project" {
  type = string
}

variable "environment" {
  type = string
}

variable "user_id" {
  type = string
}
