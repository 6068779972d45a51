variable "agent_name" {}
variable "activation_key" {}
variable "vpc_endpoint_id" {}
variable "security_group_arns" {}
variable "subnet_arns" {}
variable "nfs_server" {}
variable "nfs_subdirectory" {}
variable "s3_bucket_arn" {}
variable "s3_prefix" {}
variable "s3_role_arn" {}
variable "task_name" {}

resource "aws_datasync_agent" "gateway" {
  name                = var.agent_name
  activation_key      = var.activation_key
  vpc_endpoint_id     = var.vpc_endpoint_id
  security_group_arns = var.security_group_arns
  subnet_arns         = var.subnet_arns
}

resource "aws_datasync_location_nfs" "server" {
  server_hostname = var.nfs_server
  subdirectory    = var.nfs_subdirectory

  on_prem_config {
    agent_arns = [aws_datasync_agent.gateway.arn]
  }
}

resource "aws_datasync_location_s3" "bucket" {
  s3_bucket_arn = var.s3_bucket_arn
  subdirectory  = var.s3_prefix

  s3_config {
    bucket_access_role_arn = var.s3_role_arn
  }
}

resource "aws_datasync_task" "sync" {
  source_location_arn      = aws_datasync_location_nfs.server.arn
  destination_location_arn = aws_datasync_location_s3.bucket.arn
  name                     = var.task_name

  options {
    verify_mode       = "NONE"
    atime             = "BEST_EFFORT"
    mtime             = "PRESERVE"
    uid               = "INT_VALUE"
    gid               = "INT_VALUE"
    posix_permissions = "PRESERVE"
  }
}
