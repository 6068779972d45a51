# Corpus case: S3 to S3 inside one bucket, verified point in time, on a
# schedule and with tags from variables. Only what the checks read is kept.

resource "aws_datasync_task" "curate" {
  name                     = "landing-to-curated"
  source_location_arn      = aws_datasync_location_s3.landing.arn
  destination_location_arn = aws_datasync_location_s3.curated.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.copies.arn

  schedule {
    schedule_expression = var.nightly
  }

  options {
    atime                  = "BEST_EFFORT"
    gid                    = "NONE"
    log_level              = "TRANSFER"
    mtime                  = "PRESERVE"
    overwrite_mode         = "ALWAYS"
    posix_permissions      = "NONE"
    preserve_deleted_files = "PRESERVE"
    task_queueing          = "ENABLED"
    transfer_mode          = "CHANGED"
    uid                    = "NONE"
    verify_mode            = "POINT_IN_TIME_CONSISTENT"
  }

  tags = merge(var.common_tags, { Name = "landing-to-curated" })
}

resource "aws_datasync_location_s3" "landing" {
  s3_bucket_arn = data.aws_s3_bucket.lake.arn
  s3_config {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync-bucket-access"
  }
  subdirectory = "/"
}

resource "aws_datasync_location_s3" "curated" {
  s3_bucket_arn = data.aws_s3_bucket.lake.arn
  s3_config {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync-bucket-access"
  }
  subdirectory = "/"
}
