variable "team" {
  type    = string
  default = "media-lab"
}

variable "fileserver_ip" {
  type = string
}

variable "agent_arn" {
  type = string
}

data "terraform_remote_state" "base" {
  backend = "local"
  config = {
    path = "../base/terraform.tfstate"
  }
}

module "nfs_copy" {
  source = "../modules/copy"

  team          = var.team
  bucket_arn    = "arn:aws:s3:::${data.terraform_remote_state.base.outputs.origin_bucket}"
  fileserver_ip = var.fileserver_ip
  agent_arn     = var.agent_arn
  export_path   = "/srv/export"
}
