variable "agent_public_ip" {
  type = string
}

variable "nfs_private_ip" {
  type = string
}
