variable "name" {
  type    = string
  default = "assets-replication"
}

resource "aws_cloudwatch_log_group" "transfers" {
  name              = "/aws/datasync/${var.name}-s3-to-efs"
  retention_in_days = 1
}

resource "aws_datasync_location_s3" "assets" {
  s3_bucket_arn = aws_s3_bucket.assets.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.datasync.arn
  }
}

resource "aws_datasync_location_efs" "shared" {
  efs_file_system_arn = aws_efs_file_system.shared.arn
  subdirectory        = "/"

  ec2_config {
    security_group_arns = [aws_security_group.efs.arn]
    subnet_arn          = aws_subnet.private[0].arn
  }

  depends_on = [aws_efs_mount_target.shared]
}

resource "aws_datasync_task" "assets_to_efs" {
  destination_location_arn = aws_datasync_location_efs.shared.arn
  source_location_arn      = aws_datasync_location_s3.assets.arn

  name = "${var.name}-s3-to-efs-task"

  cloudwatch_log_group_arn = aws_cloudwatch_log_group.transfers.arn

  schedule {
    schedule_expression = "rate(1 hour)"
  }

  options {
    verify_mode            = "POINT_IN_TIME_CONSISTENT"
    overwrite_mode         = "ALWAYS"
    atime                  = "BEST_EFFORT"
    mtime                  = "PRESERVE"
    uid                    = "INT_VALUE"
    gid                    = "INT_VALUE"
    preserve_deleted_files = "PRESERVE"
    preserve_devices       = "NONE"
    posix_permissions      = "NONE"
    bytes_per_second       = -1
    task_queueing          = "ENABLED"
    log_level              = "TRANSFER"
    transfer_mode          = "CHANGED"
    object_tags            = "PRESERVE"
  }
}
