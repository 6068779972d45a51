locals {
  tags = {
    application = var.app_name
  }
}

resource "aws_cloudwatch_log_group" "sync" {
  count = var.datasync_config != null ? 1 : 0
  name  = "/aws/datasync/${var.app_name}-${var.env_name}-dfi"
}

resource "aws_datasync_location_s3" "extracts" {
  count = var.datasync_config != null ? 1 : 0

  s3_bucket_arn = var.datasync_config.source_s3_bucket_arn
  s3_config {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync-bucket-access"
  }
  subdirectory = "/"
}

resource "aws_datasync_location_fsx_windows_file_system" "share" {
  count = var.datasync_config != null ? 1 : 0

  fsx_filesystem_arn = aws_fsx_windows_file_system.share[0].arn
  password            = "example-password"
  security_group_arns = ["arn:aws:ec2:eu-west-2:111122223333:security-group/sg-0123456789abcdef0"]
  user                = "datasync"
}

resource "aws_datasync_task" "extracts_to_share" {
  count = var.datasync_config != null ? 1 : 0

  name                     = "${var.app_name}-${var.env_name}-dfi-s3-to-fsx-sync"
  source_location_arn      = aws_datasync_location_s3.extracts[0].arn
  destination_location_arn = aws_datasync_location_fsx_windows_file_system.share[0].arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.sync[0].arn

  options {
    preserve_deleted_files = "PRESERVE"
    bytes_per_second       = var.datasync_config.bandwidth_throttle != null ? var.datasync_config.bandwidth_throttle : -1
    task_queueing          = "ENABLED"
    transfer_mode          = "ALL"
    verify_mode            = "POINT_IN_TIME_CONSISTENT"
    overwrite_mode         = "ALWAYS"
    posix_permissions      = "NONE"
    uid                    = "NONE"
    gid                    = "NONE"
    log_level              = "BASIC"
  }

  schedule {
    schedule_expression = var.datasync_config.schedule_expression
  }

  tags = merge(
    local.tags,
    { Name = "${var.app_name}-${var.env_name}-dfi-s3-to-fsx-sync" }
  )
}
