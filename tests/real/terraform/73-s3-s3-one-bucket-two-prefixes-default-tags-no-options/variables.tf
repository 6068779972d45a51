variable "stage" {
  type    = string
  default = "test"
}

variable "squad" {
  type    = string
  default = "Record Exchange"
}

variable "owner" {
  type    = string
  default = "example-record-exchange"
}
