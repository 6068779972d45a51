# A test environment: one module builds the "datacenter" (NFS server and agent
# hosts), the other registers the agent and copies the share to a bucket.

variable "agent_public_ip" {
  type = string
}

variable "nfs_private_ip" {
  type = string
}

module "backup" {
  source = "./modules/backup"

  agent_public_ip = var.agent_public_ip
  nfs_private_ip  = var.nfs_private_ip
}
