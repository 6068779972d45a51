variable "sync_enabled" {
  type    = bool
  default = true
}

variable "gcs_bucket" {
  type    = string
  default = "public-training-data"
}

variable "agent_arn" {
  description = "an agent for the object storage location; none is needed in Enhanced mode"
  type        = string
  default     = null
}

variable "schedule" {
  type    = string
  default = "rate(1 hour)"
}

variable "make_log_group" {
  description = "false when /aws/datasync already exists"
  type        = bool
  default     = false
}

variable "tags" {
  type = map(string)
  default = {
    Environment = "dev"
    ManagedBy   = "terraform"
  }
}
