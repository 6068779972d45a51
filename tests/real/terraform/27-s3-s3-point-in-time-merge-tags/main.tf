resource "aws_datasync_location_s3" "raw" {
  s3_bucket_arn = data.aws_s3_bucket.lake.arn
  subdirectory  = "/${var.raw_prefix}"

  s3_config {
    bucket_access_role_arn = aws_iam_role.lake.arn
  }

  tags = merge(var.tags, {
    Name = "onprem-s3-raw-location"
  })
}

resource "aws_datasync_location_s3" "processed" {
  s3_bucket_arn = data.aws_s3_bucket.lake.arn
  subdirectory  = "/${var.processed_prefix}"

  s3_config {
    bucket_access_role_arn = aws_iam_role.lake.arn
  }

  tags = merge(var.tags, {
    Name = "aws-s3-processed-location"
  })
}

resource "aws_datasync_task" "promote" {
  name                     = "raw-to-processed-sync"
  source_location_arn      = aws_datasync_location_s3.raw.arn
  destination_location_arn = aws_datasync_location_s3.processed.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.task.arn

  options {
    verify_mode            = "POINT_IN_TIME_CONSISTENT"
    overwrite_mode         = "ALWAYS"
    transfer_mode          = "CHANGED"
    preserve_deleted_files = "PRESERVE"
    atime                  = "BEST_EFFORT"
    mtime                  = "PRESERVE"
    task_queueing          = "ENABLED"
    log_level              = "TRANSFER"
    posix_permissions      = "NONE"
    uid                    = "NONE"
    gid                    = "NONE"
  }

  schedule {
    schedule_expression = var.datasync_schedule_expression
  }

  tags = merge(var.tags, {
    Name = "raw-to-processed-sync"
  })
}
