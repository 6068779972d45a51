terraform {
  required_version = ">=1.9"
  required_providers {
    aws = {
      version = ">=3.0"
      source  = "hashicorp/aws"
    }
  }
}

provider "aws" {
  region = "ap-south-2"
}

variable "agent_activation_key" {
  type = string
}

resource "aws_datasync_agent" "onprem" {
  activation_key = var.agent_activation_key
  name           = "onprem"
}

resource "aws_iam_role" "bucket_access" {
  name = "copy-bucket-access"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_datasync_location_nfs" "share" {
  server_hostname = "nfs.example.internal"
  subdirectory    = "/mnt/data/"
  on_prem_config {
    agent_arns = [aws_datasync_agent.onprem.arn]
  }
}

resource "aws_datasync_location_s3" "bucket" {
  s3_bucket_arn = "arn:aws:ap-south-2:s3"
  subdirectory  = "/path/to/bucket/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.bucket_access.arn
  }
}

resource "aws_datasync_task" "copy" {
  source_location_arn      = aws_datasync_location_nfs.share.arn
  destination_location_arn = aws_datasync_location_s3.bucket.arn

  cloudwatch_log_group_arn = "arn:aws:ap-south-2:cloudwatch:loggroup"

  options {
    overwrite_mode         = "ALWAYS"
    verify_mode            = "ONLY_FILES_TRANSFERRED"
    atime                  = "PRESERVE"
    mtime                  = "PRESERVE"
    uid                    = "PRESERVE"
    gid                    = "PRESERVE"
    posix_permissions      = "PRESERVE"
    preserve_deleted_files = "PRESERVE"
    preserve_devices       = "PRESERVE"
    bytes_per_second       = -1
  }
}
