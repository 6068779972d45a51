provider "aws" {
  region = "eu-west-2"
}

data "aws_kms_secrets" "share" {
  secret {
    name    = "activation"
    payload = var.encrypted_activation_key
  }
  secret {
    name    = "user"
    payload = var.encrypted_user
  }
  secret {
    name    = "password"
    payload = var.encrypted_password
  }
}

resource "aws_datasync_agent" "office" {
  activation_key = data.aws_kms_secrets.share.plaintext["activation"]
  name           = var.agent_name
}

resource "aws_datasync_location_smb" "office_share" {
  server_hostname = var.share_host
  subdirectory    = var.share_folder
  user            = data.aws_kms_secrets.share.plaintext["user"]
  password        = data.aws_kms_secrets.share.plaintext["password"]
  agent_arns      = [aws_datasync_agent.office.arn]
}

resource "aws_datasync_location_s3" "landing" {
  s3_bucket_arn = var.bucket_arn
  subdirectory  = var.bucket_folder

  s3_config {
    bucket_access_role_arn = var.bucket_role_arn
  }
}

resource "aws_datasync_task" "share_to_bucket" {
  destination_location_arn = aws_datasync_location_s3.landing.arn
  name                     = var.task_name
  source_location_arn      = aws_datasync_location_smb.office_share.arn

  options {
    bytes_per_second  = -1
    gid               = "NONE"
    posix_permissions = "NONE"
    uid               = "NONE"
  }
}
