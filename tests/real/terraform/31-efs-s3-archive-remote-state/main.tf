data "aws_caller_identity" "current" {}

data "terraform_remote_state" "base" {
  backend = "s3"
  config = {
    bucket = "example-terraform-state"
    key    = "base/terraform.tfstate"
    region = var.region
  }
}

locals {
  account_id         = data.aws_caller_identity.current.account_id
  file_system_arn    = data.terraform_remote_state.base.outputs.file_system_arn
  subnet_arns        = data.terraform_remote_state.base.outputs.public_subnet_arns
  security_group_arn = data.terraform_remote_state.base.outputs.security_group_arn
}

resource "aws_s3_bucket" "archive" {
  bucket = "${var.bucket_prefix}-${local.account_id}-${var.region}"
}

resource "aws_cloudwatch_log_group" "transfers" {
  name              = "/aws/datasync/${var.bucket_prefix}"
  retention_in_days = 14
}

resource "aws_datasync_location_efs" "shared_files" {
  efs_file_system_arn = local.file_system_arn

  ec2_config {
    subnet_arn          = local.subnet_arns[0]
    security_group_arns = [local.security_group_arn]
  }
}

resource "aws_datasync_location_s3" "archive" {
  s3_bucket_arn = aws_s3_bucket.archive.arn
  subdirectory  = "/archive"

  s3_config {
    bucket_access_role_arn = aws_iam_role.datasync_bucket_access.arn
  }
}

resource "aws_datasync_task" "efs_archive" {
  source_location_arn      = aws_datasync_location_efs.shared_files.arn
  destination_location_arn = aws_datasync_location_s3.archive.arn

  name = "efs-archive"

  options {
    verify_mode            = "POINT_IN_TIME_CONSISTENT"
    overwrite_mode         = "ALWAYS"
    transfer_mode          = "CHANGED"
    preserve_deleted_files = "PRESERVE"
    log_level              = "TRANSFER"
  }

  cloudwatch_log_group_arn = aws_cloudwatch_log_group.transfers.arn

  schedule {
    schedule_expression = var.archive_schedule
  }

  tags = {
    Name = "efs-archive"
  }
}
