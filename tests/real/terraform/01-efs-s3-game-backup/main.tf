resource "aws_datasync_location_efs" "world" {
  efs_file_system_arn = aws_efs_file_system.world.arn
  subdirectory        = "/minecraft"

  ec2_config {
    subnet_arn          = aws_default_subnet.first.arn
    security_group_arns = [aws_security_group.server.arn]
  }

  tags = var.common_tags
}

resource "aws_datasync_location_s3" "archive" {
  s3_bucket_arn = aws_s3_bucket.archive.arn
  subdirectory  = "/minecraft"

  s3_config {
    bucket_access_role_arn = aws_iam_role.archive.arn
  }

  tags = var.common_tags
}

resource "aws_datasync_task" "save" {
  name                     = "backup-create"
  source_location_arn      = aws_datasync_location_efs.world.arn
  destination_location_arn = aws_datasync_location_s3.archive.arn

  schedule {
    schedule_expression = "cron(0 8 * * ? *)"
  }

  options {
    atime                  = "BEST_EFFORT"
    bytes_per_second       = -1
    gid                    = "INT_VALUE"
    log_level              = "OFF"
    mtime                  = "PRESERVE"
    overwrite_mode         = "ALWAYS"
    posix_permissions      = "PRESERVE"
    preserve_deleted_files = "PRESERVE"
    preserve_devices       = "NONE"
    task_queueing          = "ENABLED"
    transfer_mode          = "CHANGED"
    uid                    = "INT_VALUE"
    verify_mode            = "ONLY_FILES_TRANSFERRED"
  }

  tags = var.common_tags
}

resource "aws_datasync_task" "load" {
  name                     = "backup-restore"
  source_location_arn      = aws_datasync_location_s3.archive.arn
  destination_location_arn = aws_datasync_location_efs.world.arn

  options {
    atime                  = "BEST_EFFORT"
    bytes_per_second       = -1
    gid                    = "NONE"
    log_level              = "OFF"
    mtime                  = "PRESERVE"
    overwrite_mode         = "ALWAYS"
    posix_permissions      = "NONE"
    preserve_deleted_files = "REMOVE"
    preserve_devices       = "NONE"
    task_queueing          = "ENABLED"
    transfer_mode          = "CHANGED"
    uid                    = "NONE"
    verify_mode            = "ONLY_FILES_TRANSFERRED"
  }

  tags = var.common_tags
}
