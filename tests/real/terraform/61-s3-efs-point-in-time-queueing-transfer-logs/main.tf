# A homeserver's configuration files are kept in a bucket and copied onto the
# EFS volume its containers mount; the copy is started by hand after a change.

resource "random_id" "suffix" {
  byte_length = 4
}

data "aws_caller_identity" "current" {}

resource "aws_s3_bucket" "settings" {
  bucket        = "chat-settings-${data.aws_caller_identity.current.account_id}-${random_id.suffix.hex}"
  force_destroy = true
}

resource "aws_efs_file_system" "settings" {
  encrypted        = true
  creation_token   = "chat-settings"
  performance_mode = "generalPurpose"
}

resource "aws_vpc" "main" {
  cidr_block = "10.60.0.0/16"
}

resource "aws_subnet" "private" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
}

resource "aws_security_group" "copier" {
  name   = "settings-copier"
  vpc_id = aws_vpc.main.id
}

resource "aws_efs_mount_target" "settings" {
  count           = 2
  file_system_id  = aws_efs_file_system.settings.id
  subnet_id       = aws_subnet.private[count.index].id
  security_groups = [aws_security_group.copier.id]
}

resource "aws_iam_role" "copier" {
  name = "settings-copier"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_cloudwatch_log_group" "copier" {
  name              = "settings-copier-logs"
  retention_in_days = 30
}

resource "aws_datasync_location_s3" "bucket" {
  s3_bucket_arn = aws_s3_bucket.settings.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.copier.arn
  }
}

resource "aws_datasync_location_efs" "volume" {
  efs_file_system_arn = aws_efs_file_system.settings.arn
  subdirectory        = "/"

  ec2_config {
    security_group_arns = [aws_security_group.copier.arn]
    subnet_arn          = aws_subnet.private[0].arn
  }

  depends_on = [aws_efs_mount_target.settings]
}

resource "aws_datasync_task" "bucket_to_volume" {
  source_location_arn      = aws_datasync_location_s3.bucket.arn
  destination_location_arn = aws_datasync_location_efs.volume.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.copier.arn
  name                     = "settings-bucket-to-volume"

  options {
    verify_mode            = "POINT_IN_TIME_CONSISTENT"
    overwrite_mode         = "ALWAYS"
    preserve_deleted_files = "PRESERVE"
    log_level              = "TRANSFER"
    task_queueing          = "ENABLED"
  }
}
