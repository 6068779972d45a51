variable "region" {
  type    = string
  default = "eu-west-2"
}

variable "env" {
  type    = string
  default = "shared"
}
