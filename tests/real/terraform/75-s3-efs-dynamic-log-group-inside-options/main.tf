locals {
  prefix     = "${var.project}-${var.stage}-${var.suffix}"
  task_name  = "${local.prefix}-mirror"
  bucket     = "${local.prefix}-inbox"
  base_tags = {
    Project = var.project
    Stage   = var.stage
  }
}

resource "aws_s3_bucket" "inbox" {
  bucket = local.bucket
}

resource "aws_iam_role" "mover" {
  name = "${local.prefix}-mover"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_efs_file_system" "shared" {
  encrypted = true
}

resource "aws_cloudwatch_log_group" "mirror" {
  count             = var.send_logs ? 1 : 0
  name              = "/aws/datasync/${local.task_name}"
  retention_in_days = 14
}

resource "aws_datasync_location_s3" "inbox" {
  s3_bucket_arn = aws_s3_bucket.inbox.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.mover.arn
  }
}

resource "aws_datasync_location_efs" "shared" {
  efs_file_system_arn = aws_efs_file_system.shared.arn
  subdirectory        = "/"

  ec2_config {
    security_group_arns = [var.efs_security_group_arn]
    subnet_arn          = var.private_subnet_arn
  }
}

resource "aws_datasync_task" "mirror" {
  name                     = local.task_name
  source_location_arn      = aws_datasync_location_s3.inbox.arn
  destination_location_arn = aws_datasync_location_efs.shared.arn

  options {
    verify_mode            = var.verify_mode
    overwrite_mode         = var.overwrite_mode
    atime                  = "BEST_EFFORT"
    mtime                  = "PRESERVE"
    uid                    = "INT_VALUE"
    gid                    = "INT_VALUE"
    preserve_deleted_files = var.deleted_files
    preserve_devices       = "NONE"
    posix_permissions      = "PRESERVE"
    bytes_per_second       = var.bandwidth
    task_queueing          = "ENABLED"
    log_level              = var.log_level

    dynamic "cloud_watch_log_group_arn" {
      for_each = var.send_logs ? [aws_cloudwatch_log_group.mirror[0].arn] : []
      content {
        cloud_watch_log_group_arn = cloud_watch_log_group_arn.value
      }
    }
  }

  tags = merge(local.base_tags, {
    Name = local.task_name
  })
}
