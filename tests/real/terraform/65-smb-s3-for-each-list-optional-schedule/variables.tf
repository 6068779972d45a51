variable "name" {
  description = "Prefix of resource names"
  type        = string
  default     = "case-library"
}

variable "datasync_shares" {
  description = "SMB shares copied to s3://<bucket>/shares/<name>/; the agent is activated by hand first."
  type = list(object({
    name                = string
    smb_server          = string
    subdomain           = optional(string, "")
    path                = string
    user                = string
    password_secret_arn = string
    agent_arn           = string
    schedule            = optional(string, "cron(0 1 * * ? *)")
  }))
  default = []
}
