variable "lake_bucket" {
  description = "ARN of the data lake bucket"
  type        = string
}
